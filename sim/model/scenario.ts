// The immutable scenario model: what the loader (sim/scenario/) produces from a YAML file and what
// the simulated world (sim/model/world.ts) is built from. Plain data only: no functions, no streams.
// All times are milliseconds (float), all rates are per second.

// Distribution and arrival specs live with their samplers (sim/random/specs.ts), one layer down.
import type { ArrivalSpec, DistributionSpec } from '../random/specs.js';
export type { ArrivalSpec, DistributionSpec } from '../random/specs.js';

export type StrategyKind = 'distributor' | 'round-robin' | 'random' | 'shared-queue';
export const STRATEGY_KINDS: readonly StrategyKind[] = ['distributor', 'round-robin', 'random', 'shared-queue'];

export interface MachineSpec {
  readonly name: string;
  /** CPU cores; default 1. */
  readonly cores: number;
}

export interface HandlerSpec {
  /** The message type this handler handles. */
  readonly message: string;
  readonly duration: DistributionSpec;
  /** Message type sent back to the original sender when the handler completes, if any. */
  readonly reply?: string;
}

export interface InstanceSpec {
  /** Unique within the endpoint; defaults to the machine name, or machine-1, machine-2... for unnamed instances sharing a machine. */
  readonly name: string;
  readonly machine: string;
  readonly threads: number;
}

export interface EndpointSpec {
  readonly name: string;
  readonly handlers: readonly HandlerSpec[];
  readonly instances: readonly InstanceSpec[];
}

export interface SendSpec {
  readonly message: string;
  /** Destination logical endpoint. */
  readonly to: string;
  readonly arrivals: ArrivalSpec;
}

export interface SenderSpec {
  readonly name: string;
  readonly machine: string;
  readonly sends: readonly SendSpec[];
}

export interface StrategySpec {
  /** The user's name for this variant (the key under `strategies:`). */
  readonly name: string;
  readonly kind: StrategyKind;
  /** distributor only: machine hosting the distributor process. */
  readonly machine?: string;
  /** distributor only: parallel forwarding (and control) processing, default 1. */
  readonly concurrency: number;
}

/** When senders stop sending. Exactly one of the two is set. */
export interface StopRule {
  /** Stop after this many messages in total, over all senders. */
  readonly messages?: number;
  /** Stop sending at this simulated time (ms). */
  readonly durationMs?: number;
}

/** Which messages are excluded from statistics. Exactly one of the two is set (messages: 0 = none). */
export interface WarmupRule {
  /** The first N messages sent (over all senders) are excluded. */
  readonly messages?: number;
  /** Messages sent before this simulated time (ms) are excluded. */
  readonly durationMs?: number;
}

export interface TransportSpec {
  /** Cost of one MSMQ send or receive, paid by the machine doing it. */
  readonly operationMs: number;
  /** One-way delay between two machines. */
  readonly networkMs: number;
}

export interface Scenario {
  readonly name: string;
  /** Path of the YAML file the scenario came from, as given to the loader ('' when built in code). */
  readonly file: string;
  readonly seed: number;
  readonly stop: StopRule;
  readonly warmup: WarmupRule;
  /** After sending stops, how long the run may take to drain before it ends anyway (ms). Default 1 h. */
  readonly drainMs: number;
  /** Width of one time-series bucket (ms). Default: chosen so a run has about 200 buckets. */
  readonly sampleIntervalMs?: number;
  readonly transport: TransportSpec;
  readonly machines: readonly MachineSpec[];
  readonly endpoints: readonly EndpointSpec[];
  readonly senders: readonly SenderSpec[];
  readonly strategies: readonly StrategySpec[];
}
