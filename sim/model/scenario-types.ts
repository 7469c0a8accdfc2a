// The immutable scenario model: what the loader (sim/scenario/) produces from a YAML file and what
// the simulated world (sim/model/build/build-world.ts) is built from. Plain data only: no functions, no streams.
// All times are milliseconds (float), all rates are per second.

// Distribution and arrival specs live with their samplers (sim/random/specs.ts), one layer down.
import type { ArrivalSpec, DistributionSpec } from '../random/specs.js';
export type { ArrivalSpec, DistributionSpec } from '../random/specs.js';

/**
 * Each strategy kind adds its own fields here, from its own file in strategies/ (a `declare module`
 * block), and registers its definition in strategies/registry.ts: the kinds are the keys of this map.
 */
export interface StrategySpecs {}
export type StrategyKind = keyof StrategySpecs & string;
/** One strategy of the scenario: its name, its kind, and that kind's fields (a discriminated union). */
export type StrategySpec = { [K in StrategyKind]: { readonly name: string; readonly kind: K } & StrategySpecs[K] }[StrategyKind];
/** The spec of one kind. */
export type StrategySpecOf<K extends StrategyKind> = Extract<StrategySpec, { readonly kind: K }>;

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
  /** Event type published when the handler completes, if any: one copy to each subscribing endpoint. */
  readonly publish?: string;
  /**
   * CPU-bound: the duration is CPU time, and the busy CPU-bound work on a machine shares its cores
   * (more such threads than cores slows each one down). IO-bound handlers (default) don't contend.
   */
  readonly cpuBound: boolean;
  /** Probability that one attempt of this handler fails (0 to 1, default 0). */
  readonly failureProbability: number;
}

/** NServiceBus recoverability: immediate retries on the same instance, then delayed rounds, then the error queue. */
export interface RetrySpec {
  /** Immediate retries after the first attempt fails (default 5). */
  readonly immediate: number;
  /** Delay before each delayed-retry round (default 10 s, 20 s, 30 s). */
  readonly delayedMs: readonly number[];
}

export interface InstanceSpec {
  /** Unique within the endpoint; defaults to the machine name, or machine-1, machine-2... for unnamed instances sharing a machine. */
  readonly name: string;
  readonly machine: string;
  readonly threads: number;
  /** Free slots announced to a distributor at start (default: threads; more for prefetching workers). */
  readonly capacity: number;
  /** Relative speed of this instance (default 1; 0.5 = every handler takes twice as long). */
  readonly speed: number;
  /** When the instance starts and is added to the instance mapping (ms, default 0). */
  readonly addedAtMs: number;
  /** When the instance is removed from the instance mapping (ms); absent = never. */
  readonly removedAtMs?: number;
}

export interface EndpointSpec {
  readonly name: string;
  readonly handlers: readonly HandlerSpec[];
  readonly instances: readonly InstanceSpec[];
  readonly retries: RetrySpec;
  /**
   * Where its instances store the subscriptions they receive (when its handlers publish): one storage
   * shared by all of them, or one per instance (default shared).
   */
  readonly subscriptions: SubscriptionStorageKind;
}

export type SubscriptionStorageKind = 'shared' | 'per-instance';

export interface SendSpec {
  /** The message type sent, or the event type published. */
  readonly message: string;
  /** Destination logical endpoint of a command; absent when the entry publishes an event. */
  readonly to?: string;
  /** True when the entry publishes `message` as an event to every endpoint that handles it. */
  readonly publish: boolean;
  readonly arrivals: ArrivalSpec;
  /** Messages already in the destination queue at the start (absent: none). */
  readonly backlog?: number;
}

export interface SenderSpec {
  readonly name: string;
  readonly machine: string;
  readonly sends: readonly SendSpec[];
  /** How often the sender re-reads the instance mapping (ms, default 30 s). */
  readonly refreshMs: number;
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

export type AcceptDiscipline = 'session' | 'local-first';

export interface TransportSpec {
  /** Cost of one MSMQ send or receive, paid by the machine doing it. */
  readonly operationMs: number;
  /** One-way delay between two machines. */
  readonly networkMs: number;
  /**
   * How long a transaction waits for its commit to be durable, after its last operation (default 0).
   * The queue manager serves other work meanwhile; the committing process waits.
   */
  readonly commitMs: number;
  /**
   * How a destination queue manager takes in network deliveries: `session` (each outgoing queue is a
   * session with at most `window` accepts in the destination's hands, served first come first served
   * with local work) or `local-first` (accepted only when it has no local operation in hand).
   */
  readonly accept: AcceptDiscipline;
  /** With `accept: session`: deliveries one session may have handed over but not yet accepted. */
  readonly window: number;
  /** Non-durable (express) messages: a machine crash loses what its queues and outgoing queues hold (default false). */
  readonly express: boolean;
}

/** Every fault kind by name: each kind's file in faults/ adds its own (declaration merging). */
export interface FaultKinds {}
export type FaultKind = keyof FaultKinds;

/** The settings only some fault kinds take: each kind's file in faults/ adds its own (declaration merging). */
export interface FaultSettings {}


/**
 * A fault. Its timing is fixed (`atMs`, `durationMs`; no duration = until the end) or random (`mttfMs`,
 * `mttrMs`: exponential times to failure and to repair, repeated, drawn from the fault's own stream).
 * Its target is one of `machine`, `instance`, `distributor` or `machines`, as its kind requires.
 */
export interface FaultSpec extends FaultSettings {
  /** Its label in reports: `${kind} ${target}` unless given. */
  readonly name: string;
  readonly kind: FaultKind;
  readonly atMs: number;
  readonly durationMs?: number;
  readonly mttfMs?: number;
  readonly mttrMs?: number;
  /** crash (every process on it stops), slowdown: a machine name. */
  readonly machine?: string;
  /** crash (that worker process only), decommission: an endpoint instance. */
  readonly instance?: { readonly endpoint: string; readonly instance: string };
  /** crash of the distributor process only (YAML `process: distributor`). */
  readonly distributor?: boolean;
  /** partition: exactly two machines; duplicate-qmid: two or more sharing one QMId. */
  readonly machines?: readonly string[];
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
  readonly faults: readonly FaultSpec[];
  /** Runs of each point (sweep) or of the scenario, each with its own derived seed (default 1). */
  readonly replications: number;
  /** A service-level objective the run answers per strategy (`sla:`), if any. */
  readonly sla?: SlaSpec;
}

/** Metrics an SLA may bound; each is a summary.csv column without its unit suffix. */
export type SlaMetric = 'latency_mean' | 'latency_p50' | 'latency_p95' | 'latency_p99' | 'wait_mean' | 'wait_p50' | 'wait_p95' | 'wait_p99';
export const SLA_METRICS: readonly SlaMetric[] = ['latency_mean', 'latency_p50', 'latency_p95', 'latency_p99', 'wait_mean', 'wait_p50', 'wait_p95', 'wait_p99'];

/** `sla: { latency_p99: 2s }`: the metric must stay at or under the limit (ms). */
export interface SlaSpec {
  readonly metric: SlaMetric;
  readonly limitMs: number;
}

/** One parameter of a sweep: a path (as in variants, plus .count, .rate and .mean, see README) and its values. */
export interface SweepParameter {
  readonly path: string;
  /** The values in order, as numbers (durations in ms, rates per second, counts). */
  readonly values: readonly number[];
}

/** One point of a sweep grid: the base scenario with each parameter set to one of its values. */
export interface SweepPoint {
  readonly index: number;
  /** The parameter values of this point, in parameter order. */
  readonly values: readonly number[];
  readonly scenario: Scenario;
}

export interface Sweep {
  readonly parameters: readonly SweepParameter[];
  /** Every combination, the last parameter varying fastest. */
  readonly points: readonly SweepPoint[];
}

/** A named variant of a scenario: the base with some values replaced (the `variants:` block). */
export interface Variant {
  readonly name: string;
  /** The replaced values, path -> value as written, e.g. "endpoints.Sales.handlers.PlaceOrder.duration". */
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly scenario: Scenario;
}
