// The JSON Schema of one entry of `faults:` (schema.ts). Which keys each kind takes, and whether a
// schedule is fixed or random, are checked in code (build-faults.ts): the schema only names the keys.

import { FAULTS, FAULT_KINDS } from '../model/faults/registry.js';
import { flag, number, record, ref, text } from './schema-parts.js';

export const fault = record(
  'A fault injected into every run (each strategy, each variant): what breaks (`kind` and its target), when (`at` and `duration`, or `mttf` and `mttr` for a random schedule) and how. ' +
    'Each kind takes its own keys; a key of another kind is a problem.',
  {
    kind: {
      type: 'string',
      enum: [...FAULT_KINDS],
      // Each kind's sentence comes from its definition (sim/model/faults/).
      description: FAULT_KINDS.map((k) => FAULTS[k].summary).join(' '),
    },
    name: text(
      'Optional: the fault\'s label in reports, unique among the faults. Default: the kind and the target, e.g. "crash worker1", "crash Sales/worker1", "crash distributor", "slowdown worker2", ' +
        '"partition client-server", "duplicate-qmid worker1+worker2", "decommission Sales/worker2"; a default already taken gets " #2", " #3"...',
    ),
    at: ref('duration', 'When the fault starts, >= 0 (0ms: from the start). Required, except with a random schedule (mttf and mttr), which takes no `at`.'),
    duration: ref(
      'duration',
      'Optional: how long the fault lasts, > 0; then the crashed process restarts, the machine is fast again, the partition heals. Default: until the end of the run. ' +
        'Not for decommission, nor with a random schedule.',
    ),
    mttf: ref(
      'duration',
      'crash and slowdown only: mean time to failure, > 0, of a random schedule: times to failure and to repair are drawn (exponential) from the fault\'s own random stream, over and over. ' +
        'Needs `mttr`; takes no `at` or `duration`.',
    ),
    mttr: ref('duration', 'crash and slowdown only: mean time to repair, > 0, of a random schedule. Needs `mttf`.'),
    machine: text(
      'crash and slowdown (required for slowdown): the machine, a name under `machines`. A crash stops every process on it until it restarts; with `transport.express`, what its queues and outgoing queues hold is lost.',
    ),
    instance: text(
      'crash and decommission (required for decommission): one endpoint instance, written Endpoint/instance, e.g. Sales/worker1 (an instance is named after its machine, or machine-1, machine-2... when several of the endpoint share one, unless it has a `name`). ' +
        'A crash stops that worker process only.',
    ),
    process: {
      type: 'string',
      enum: ['distributor'],
      description: 'crash only: `distributor` crashes the distributor processes (one per endpoint, or per message type), not their machine. The scenario needs a strategy of kind distributor.',
    },
    machines: {
      type: 'array',
      description:
        'partition (required for it): exactly two different machines, cut off from each other. duplicate-qmid (required for it): two or more different machines that share one QMId.',
      items: text('A machine, a name under `machines`.'),
    },
    factor: number({ exclusiveMinimum: 1 }, 'slowdown only, and required for it: how many times longer MSMQ operations and handlers on the machine take, a number > 1.'),
    lossProbability: number(
      { minimum: 0, maximum: 1 },
      'duplicate-qmid only: the chance (0 to 1) that a message stalled by a misrouted acknowledgement vanishes at each resend. Default 0.05.',
      { default: 0.05 },
    ),
    switchEvery: ref('duration', 'duplicate-qmid only: mean time between changes of which machine can send and receive, > 0. Default 5m.', { default: '5m' }),
    careful: flag(
      'decommission only: true takes the instance out the documented way (remove it from the instance mapping, wait until every sender has re-read it, let it drain, then stop it); ' +
        'false stops it at once, mapping unchanged. Default true.',
      true,
    ),
  },
  ['kind'],
);
