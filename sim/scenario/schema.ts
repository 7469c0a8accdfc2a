// The JSON Schema (draft-07) of the scenario YAML format: the one place that names every key, its type
// and its meaning. The loader validates structure against it (structure.ts), `sim schema` prints it,
// and editors use it for completion and hover help. Rules a schema says badly (units, references,
// "exactly one of") are checked in code instead, so the schema stays free of oneOf/anyOf, whose errors
// are noise.

import { SLA_METRICS } from '../model/scenario-types.js';
import type { StrategyKey } from '../model/strategies/definition.js';
import { STRATEGIES, STRATEGY_KINDS } from '../model/strategies/registry.js';
import { fault } from './schema-faults.js';
import { LIMITS, maxOf } from './limits.js';
import { type Json, definitions, flag, integer, list, named, number, record, ref, text } from './schema-parts.js';

export type { DefinitionKind, TextKind } from './schema-parts.js';

const machine = record(
  'A machine, with its own CPU cores and its own MSMQ queue manager. An empty entry (`client:` or `client: {}`) takes the defaults.',
  { cores: integer(1, 'CPU cores, shared by everything the machine runs. Default 1.', { default: 1, ...maxOf(LIMITS.cores) }) },
  [],
  { type: ['object', 'null'] },
);

const handler = record(
  'How the endpoint handles one message type.',
  {
    duration: ref('distribution', 'Processing time of one message, as a distribution.'),
    reply: text('Optional: the message type sent back to the original sender when the handler completes.'),
    publish: text(
      'Optional: an event type published when the handler completes, one copy to each endpoint that handles it. At least one endpoint must have a handler for it.',
    ),
    cpuBound: flag(
      'true: the duration is CPU time, and the CPU-bound handlers busy on a machine share its cores (more of them than cores slows each down). false: the handler waits (IO) and takes no core. Default false.',
      false,
    ),
    failureProbability: number(
      { minimum: 0, maximum: 1 },
      'Probability that one attempt fails (a number from 0 to 1); a failed message is retried as `retries` says. Default 0.',
      { default: 0 },
    ),
  },
  ['duration'],
);

const instance = record(
  'One running copy of the endpoint (a worker).',
  {
    machine: text('The machine the instance runs on: a name under `machines`.'),
    threads: integer(1, 'Messages the instance processes at the same time. Default 1.', { default: 1, ...maxOf(LIMITS.threads) }),
    name: text(
      'Optional, unique within the endpoint. Default: the machine name, or machine-1, machine-2... when several instances of the endpoint share a machine.',
    ),
    capacity: integer(1, 'Free slots the instance announces to a distributor when it starts (more than threads for a prefetching worker). Default: threads.', maxOf(LIMITS.capacity)),
    speed: number({ exclusiveMinimum: 0 }, 'Relative speed, a number > 0: every handler takes duration / speed on this instance (0.5 = twice as long). Default 1.', {
      default: 1,
    }),
    addedAt: ref('duration', 'When the instance starts and is added to the instance mapping. Default 0ms (from the start).', { default: '0ms' }),
    removedAt: ref('duration', 'Optional: when the instance is removed from the instance mapping; later than addedAt. Default: never.'),
  },
  ['machine'],
);

const retries = record(
  'Recoverability (NServiceBus): a failed message is retried at once on the same instance, then in delayed rounds, then moved to the error queue.',
  {
    immediate: integer(0, 'Immediate retries after the first attempt fails, on the same instance. Default 5.', { default: 5, ...maxOf(LIMITS.immediateRetries) }),
    delayed: {
      type: 'array',
      description:
        'The delay before each delayed-retry round, each > 0; the message goes back through the strategy and may land on another instance. [] turns delayed retries off. Default [10s, 20s, 30s].',
      items: ref('duration', 'The delay before this round. Must be > 0.'),
      default: ['10s', '20s', '30s'],
    },
  },
);

const endpoint = record(
  'A logical endpoint: the message types it handles and the instances it is scaled out to.',
  {
    handlers: named('Message type name -> handler. At least one.', handler),
    instances: list('The instances the endpoint is scaled out to. At least one.', instance),
    retries,
    subscriptions: {
      type: 'string',
      enum: ['shared', 'per-instance'],
      description:
        'Where the instances of an endpoint whose handlers publish store the subscriptions they receive. shared: one storage for every instance, so a subscription received by one is known to all. per-instance: each instance keeps its own and publishes only to the subscribers whose subscription message it received itself. Default shared.',
      default: 'shared',
    },
  },
  ['handlers', 'instances'],
);

const send = record(
  'A stream of messages: a command (`message` and `to`) sent to one endpoint, or an event (`publish`) sent to every endpoint that handles it. Exactly one of `message` and `publish`.',
  {
    message: text('A command: the message type sent to `to`, which must have a handler for it.'),
    to: text('With `message`, and required for it: the destination, a logical endpoint name under `endpoints`.'),
    publish: text('An event: the event type published, one copy to each endpoint that handles it (at least one must). Takes no `to`.'),
    arrivals: ref('arrivals', 'When the messages are sent: poisson(rate), constant(rate), piecewise(...), daily(...), bursts(...) or trace(file.csv).'),
    backlog: integer(
      0,
      'Messages of this entry already stored in the queue they are routed to when the run starts (a queue filled beforehand, as in the docs\' NOOP measurement); they count as sent at time 0, before the arrivals. Default 0.',
      { default: 0 },
    ),
  },
  ['arrivals'],
);

const sender = record(
  'A process that sends messages (a web front end, a batch job).',
  {
    machine: text('The machine the sender runs on: a name under `machines`.'),
    sends: list('The message streams this sender produces. At least one.', send),
    refresh: ref('duration', 'How often the sender re-reads the instance mapping (sender-side strategies). Must be > 0. Default 30s.', { default: '30s' }),
  },
  ['machine', 'sends'],
);

// Each kind's sentence and keys come from its definition (sim/model/strategies/), in registry order;
// a key several kinds take is described once, as theirs.
const strategyKeys: Record<string, Json> = {};
for (const kind of STRATEGY_KINDS) {
  for (const [key, spec] of Object.entries(STRATEGIES[kind].keys)) {
    if (key in strategyKeys) continue;
    const owners = STRATEGY_KINDS.filter((k) => Object.hasOwn(STRATEGIES[k].keys, key));
    const who = owners.length === 1 ? owners[0] : `${owners.slice(0, -1).join(', ')} and ${owners[owners.length - 1]}`;
    const required = (spec.type === 'machine' || spec.type === 'module') && spec.required !== undefined ? ', and required for it' : '';
    strategyKeys[key] = strategyKey(key, spec, `${who} only${required}: ${spec.description}`);
  }
}

function strategyKey(key: string, spec: StrategyKey, description: string): Json {
  switch (spec.type) {
    case 'machine':
    case 'module':
      return text(description);
    case 'integer':
      // A key with a limit (sim/scenario/limits.ts) carries it as its maximum.
      return integer(spec.minimum, description, { default: spec.default, ...(Object.hasOwn(LIMITS, key) ? maxOf(LIMITS[key as keyof typeof LIMITS]) : {}) });
    case 'duration':
      return ref('duration', description, { default: spec.default });
    case 'flag':
      return flag(description, spec.default);
    case 'mapping':
      return { type: 'object', description };
  }
}

const strategy = record(
  'A way of spreading messages over an endpoint\'s instances. Every strategy is run on the same workload, so they can be compared.',
  {
    kind: { type: 'string', enum: [...STRATEGY_KINDS], description: STRATEGY_KINDS.map((k) => STRATEGIES[k].summary).join(' ') },
    ...strategyKeys,
  },
  ['kind'],
);

const variants: Json = {
  type: 'object',
  maxProperties: LIMITS.variants.value,
  $comment: LIMITS.variants.why,
  description:
    'Optional: variant name -> the values it changes. Each variant is the scenario with those values replaced, checked like any scenario and run on its own. ' +
    'Not together with a sweep. Default: none.',
  additionalProperties: {
    type: ['object', 'null'],
    description:
      'Path -> value. A path names a value the way problems do: dots between keys, [i] for list items, and ["key"] for a key with dots, e.g. ' +
      '"endpoints.Sales.handlers.PlaceOrder.duration", "senders.Sender.sends[0].arrivals", \'machines["web.1"].cores\'. ' +
      'Everything up to the last key must exist; the last key may be new where the format allows it, but a list item must exist (replace the whole list to add items). ' +
      '`name`, `variants` and `sweep` cannot be changed. An empty variant is the scenario unchanged.',
    additionalProperties: { description: 'The value that replaces the one at the path, written as it would be there.' },
  },
};

const METRIC_WORDS: Readonly<Record<string, string>> = {
  latency: 'latency (send to handler commit)',
  wait: 'wait (latency minus the handler\'s own processing time)',
  mean: 'The mean',
  p50: 'The median',
  p95: 'The 95th percentile of',
  p99: 'The 99th percentile of',
};

const sla = record(
  'Optional: a service-level objective, exactly one metric and its limit, e.g. { latency_p99: 2s }. Each run (and each sweep point) says per strategy whether the metric stays at or under the limit. Default: none.',
  Object.fromEntries(
    SLA_METRICS.map((metric) => {
      const [what, statistic] = metric.split('_');
      const of = statistic === 'mean' || statistic === 'p50' ? `${METRIC_WORDS[statistic]} of` : METRIC_WORDS[statistic];
      return [metric, ref('duration', `${of} ${METRIC_WORDS[what]} must stay at or under this limit (> 0).`)];
    }),
  ),
);

const cost = record(
  'Optional: the price of a configuration, so that a sweep with an SLA names the cheapest configuration meeting it, across strategies and swept values (plan.csv, the printed plan, report.html). Units are yours; a key left out costs 0. Default: none.',
  {
    machine: number({ minimum: 0 }, 'Per machine that hosts an endpoint instance (a sweep of instances.count adds machines).'),
    thread: number({ minimum: 0 }, 'Per handler thread, over every instance.'),
    distributor: number({ minimum: 0 }, 'Per distributor: one per endpoint with instances, for strategies of kind distributor.'),
  },
);

const sweep: Json = {
  type: ['object', 'null'],
  description:
    'Optional: parameter path -> its values. The scenario is run at every combination of the values (a grid, the last parameter varying fastest), each point checked like a scenario. ' +
    'A path is written as in variants and must hold a number, a duration or a rate, e.g. "endpoints.Sales.instances[0].threads", "strategies.distributor.concurrency", "transport.operation". ' +
    'Three more paths set a derived value: "endpoints.<E>.instances.count" (N copies of the first instance, the k-th on a new machine <machine>-k that copies its machine; the other instances are dropped), ' +
    '"senders.<S>.sends[i].arrivals.rate" (the mean rate of the arrivals: every rate scales with it; not for a trace) and ' +
    '"endpoints.<E>.handlers.<M>.duration.mean" (the mean of the distribution, which keeps its shape: the same k, width ratio, p99/mean ratio, or every empirical sample scaled). ' +
    'At most 1000 values per parameter and 10000 points in all. Not together with variants. An empty value is no sweep. Default: none.',
  additionalProperties: ref('sweepValues', 'Path -> the values it takes: a list such as [2, 4, 8] or a range such as { from: 2, to: 8, step: 2 }.'),
};

const countOrDuration = (description: string, messagesMinimum: number, messages: string, duration: string): Json =>
  record(description, {
    messages: integer(messagesMinimum, messages, maxOf(LIMITS.messages)),
    duration: ref('duration', duration),
  });

const scenario: Json = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'sim scenario',
  ...record(
    'A scenario for sim, the NServiceBus MSMQ scale-out simulator: the machines, the endpoints and their instances, the senders, and the scale-out strategies to compare.',
    {
      name: text('Name of the scenario, used for the report folder. Default: the file name without its extension.'),
      seed: integer(0, 'Seed of all random streams; the same seed gives the same results. A whole number from 0 to 2^53 - 1 (the range of --seed). Default 1.', {
        default: 1,
        maximum: Number.MAX_SAFE_INTEGER,
      }),
      stop: countOrDuration(
        'When senders stop sending: exactly one of `messages` or `duration`.',
        1,
        'Stop after this many messages in total, over all senders.',
        'Stop sending at this simulated time.',
      ),
      warmup: countOrDuration(
        'Which messages are left out of the statistics: exactly one of `messages` or `duration`. Default: none (messages: 0).',
        0,
        'Leave out the first N messages sent, over all senders.',
        'Leave out messages sent before this simulated time.',
      ),
      drain: ref('duration', 'After sending stops, the longest the run may go on to finish the work in progress. Must be > 0. Default 1h.', {
        default: '1h',
      }),
      timeseries: record('Time-series output. Without it, the bucket width is chosen so that a run has about 200 buckets.', { interval: ref('duration', 'Width of one time bucket. Must be > 0.') }, ['interval']),
      transport: record('Costs and durability of the MSMQ transport. Every cost may be 0ms.', {
        operation: ref('duration', 'Cost of one MSMQ send or receive, paid by the machine doing it. Default 1ms.', { default: '1ms' }),
        network: ref('duration', 'One-way delay between two machines. Default 0.5ms.', { default: '0.5ms' }),
        commit: ref(
          'duration',
          'How long a transaction waits for its commit to be durable after its last send or receive (a log flush), once per transaction: handler threads, distributor forwarders and control processing, senders. The queue manager serves other work meanwhile. Default 0ms (an assumption: see the README).',
          { default: '0ms' },
        ),
        accept: {
          type: 'string',
          enum: ['session', 'local-first'],
          description:
            'How a queue manager takes in messages arriving over the network. session: each outgoing queue (sender machine -> destination machine) is a network session that hands the destination at most `window` messages at a time; the accept of each is queued at the destination queue manager like any other operation (first come first served with its local work), and the session hands over the next one as each accept completes, so a saturated receiver holds its backlog in its own queues. local-first: a message is accepted only when the queue manager has no local operation in hand, so a saturated receiver leaves its backlog in the senders\' outgoing queues (the earlier model). Default session (an assumption: see the README).',
          default: 'session',
        },
        window: integer(1, 'With `accept: session`: how many messages one outgoing queue\'s session may have delivered but not yet accepted at the destination. Default 1.', { default: 1, maximum: 1_000_000 }),
        express: flag(
          'true: express (non-durable) messages, kept in memory only, so a machine crash loses what its queues and outgoing queues hold. false: recoverable messages, written to disk, which a crash does not lose. Default false.',
          false,
        ),
      }),
      machines: { ...named('Machine name -> machine. At least one.', machine), maxProperties: LIMITS.machines.value, $comment: LIMITS.machines.why },
      endpoints: named('Logical endpoint name -> endpoint. At least one.', endpoint),
      senders: named('Sender name -> sender. At least one.', sender),
      strategies: named('Strategy name (your label for it in reports) -> strategy. At least one.', strategy),
      faults: {
        type: ['array', 'null'],
        description:
          'Optional: faults injected into every run, such as a crash, a slowdown or a network partition. [] or an empty value (every entry commented out) is none. Default [].',
        items: fault,
        default: [],
      },
      replications: integer(
        1,
        'How many times each run is repeated (each strategy, and each sweep point), each with its own seed derived from `seed`; results give the mean and its 95% confidence interval. Default 1.',
        { default: 1, ...maxOf(LIMITS.replications) },
      ),
      sla,
      cost,
      sweep,
      variants,
    },
    ['stop', 'machines', 'endpoints', 'senders', 'strategies'],
  ),
  definitions,
};

/** The JSON Schema (draft-07) of the scenario format. A fresh copy each call: callers may change it. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return structuredClone(scenario);
}
