// The MSMQ distributor: a central process on its own machine forwards each message to a worker that
// said it is ready (the process is in ../processes/distributor.ts).
//
// With `senderSide: true` the endpoint is scaled out with sender-side distribution and its instances
// are also enlisted with the distributor (seeds 002/003): senders send each command to an instance
// themselves, round-robin, while the workers announce themselves and send ready messages to the
// distributor as usual. Its delayed retries then go to the distributor, which forwards them to a
// worker with a free slot, instead of back to the instance the sender chose.
import { mmcMeanWait } from '../../theory/queueing.js';
import type { StrategyDefinition } from './definition.js';
import { roundRobin } from './round-robin.js';

declare module '../scenario-types.js' {
  interface StrategySpecs {
    distributor: {
      /** The machine hosting the distributor process. */
      readonly machine: string;
      /** Parallel forwarding (and control) processing, default 1. */
      readonly concurrency: number;
      /** How long a forward waits for a free slot before it aborts and retries (default 10 s). */
      readonly noWorkerTimeoutMs: number;
      /** Workers tag ready messages with a session id per start (default true). */
      readonly sessionIds: boolean;
      /** CPU time per forwarded message, on the distributor machine's cores (default 0). */
      readonly cpuMs: number;
      /** One distributor (and one worker process per instance) per message type (default false). */
      readonly perMessageType: boolean;
      /** Senders route commands to the instances themselves (round-robin); delayed retries go through the distributor (default false). */
      readonly senderSide: boolean;
      /** High availability: the other node of the distributor's cluster, which takes its queues and process over when its node crashes (absent: a single machine). */
      readonly standby?: string;
      /** How long the cluster takes to bring the distributor's queues and process online on the other node (default 30 s). */
      readonly failoverMs: number;
    };
  }
}

export const distributor: StrategyDefinition<'distributor'> = {
  summary: 'distributor: the MSMQ distributor, a central process that forwards each message to a worker that said it is ready.',
  words: 'a distributor',
  keys: {
    machine: {
      type: 'machine',
      required: 'the machine the distributor runs on',
      words: 'a machine',
      description: 'the machine running the distributor process.',
    },
    concurrency: {
      type: 'integer',
      minimum: 1,
      default: 1,
      words: 'a concurrency',
      description: 'messages the distributor forwards at the same time (MaximumConcurrencyLevel). Default 1.',
    },
    noWorkerTimeout: {
      type: 'duration',
      positive: true,
      default: '10s',
      defaultMs: 10_000,
      words: 'a noWorkerTimeout',
      description:
        'how long a forward waits for a free worker slot before its transaction aborts and the message is received again. Must be > 0. Default 10s.',
    },
    sessionIds: {
      type: 'flag',
      default: true,
      words: 'a sessionIds setting',
      description:
        'workers tag ready messages with a session id per start, so slots left from before a restart are dropped (later distributor versions). Default true.',
    },
    cpu: {
      type: 'duration',
      positive: false,
      default: '0ms',
      defaultMs: 0,
      words: 'a cpu cost',
      description: "CPU time per forwarded message, on the distributor machine's cores. Default 0ms.",
    },
    perMessageType: {
      type: 'flag',
      default: false,
      words: 'a perMessageType setting',
      description: 'one distributor (and one worker process per instance) per message type, for priority isolation. Default false.',
    },
    senderSide: {
      type: 'flag',
      default: false,
      words: 'a senderSide setting',
      description:
        'true: the endpoint is scaled out with sender-side distribution (each sender sends to the instances round-robin) and its instances are also enlisted with this distributor, which receives their delayed retries and forwards them to a worker with a free slot. Not with perMessageType. Default false.',
    },
    standby: {
      type: 'machine',
      differentFrom: 'machine',
      words: 'a standby machine',
      description:
        "high availability: the other node of a failover cluster with `machine`. The distributor's queues are clustered resources on the shared disk: when the node running it crashes, " +
        'after `failover` its queues (data, control, storage, with all they hold) and its process come online on the other node, under the same address. Default: none (a single machine).',
    },
    failover: {
      type: 'duration',
      positive: false,
      default: '30s',
      defaultMs: 30_000,
      words: 'a failover time',
      description: 'with `standby`: how long after its node crashes the distributor comes online on the other node. Default 30s.',
    },
  },
  placement: 'distributor',
  build: (v) => ({
    machine: v.text('machine') ?? '',
    concurrency: v.number('concurrency'),
    noWorkerTimeoutMs: v.number('noWorkerTimeout'),
    sessionIds: v.flag('sessionIds'),
    cpuMs: v.number('cpu'),
    perMessageType: v.flag('perMessageType'),
    senderSide: v.flag('senderSide'),
    ...(v.text('standby') === undefined ? {} : { standby: v.text('standby') }),
    failoverMs: v.number('failover'),
  }),
  // With senderSide, how senders choose: round-robin's counter (unused otherwise: every command goes to the data queue).
  choice: () => roundRobin.choice?.({ name: '', kind: 'round-robin' }) ?? noChoice(),
  route: { words: 'round-robin counter', count: 'inline' },
  // An ideal distributor is one queue served by every thread; with senderSide the commands are dealt round-robin.
  theory: (fit, s) =>
    s.senderSide ? roundRobin.theory?.(fit, { name: s.name, kind: 'round-robin' }) : { model: `M/M/${fit.threads}`, waitMs: mmcMeanWait(fit.threads, fit.lambda, fit.mu) },
  describe: (s, format) => {
    const parts = [`on ${s.machine}`, `concurrency ${s.concurrency}`];
    if (s.cpuMs > 0) parts.push(`cpu ${format.duration(s.cpuMs)} per message`);
    if (!s.sessionIds) parts.push('no session ids');
    if (s.perMessageType) parts.push('one per message type');
    if (s.senderSide) parts.push('senders route round-robin, delayed retries via the distributor');
    if (s.standby !== undefined) parts.push(`standby ${s.standby}, failover ${format.duration(s.failoverMs)}`);
    return parts;
  },
};

function noChoice(): never {
  throw new Error('internal: round-robin has no sender choice');
}
