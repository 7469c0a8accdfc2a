// The JSON Schema (draft-07) of the scenario YAML format: the one place that names every key, its type
// and its meaning. The loader validates structure against it (structure.ts), `sim schema` prints it,
// and editors use it for completion and hover help. Rules a schema says badly (units, references,
// "exactly one of") are checked in code instead, so the schema stays free of oneOf/anyOf, whose errors
// are noise.

type Json = Record<string, unknown>;

/** Value kinds written as text with their own little syntax, kept under `definitions` so that a type
 * error can tell from its schema path which kind was expected (see structure.ts). */
export type TextKind = 'duration' | 'distribution' | 'arrivals';

const definitions: Record<TextKind, Json> = {
  duration: {
    type: 'string',
    description: 'A duration: a number and a unit, one of ms, s, m, h. Examples: 200ms, 0.5ms, 2m, 1.5h.',
    examples: ['200ms', '0.5ms', '2m', '1.5h'],
  },
  distribution: {
    type: 'string',
    description:
      'How long a handler takes, as a distribution: constant(x) with x >= 0; exponential(mean) with mean > 0; ' +
      'uniform(a, b) with 0 <= a <= b and b > 0; erlang(k, mean) with k a whole number >= 1; ' +
      'lognormal(mean, p99) with 0 < mean < p99; empirical(file.csv), a CSV file (relative to the scenario ' +
      'file) of observed durations, one per line, with a unit or in milliseconds, optionally under a header.',
    examples: ['exponential(200ms)', 'constant(0ms)', 'uniform(100ms, 300ms)', 'erlang(4, 200ms)', 'lognormal(200ms, 1s)', 'empirical(durations.csv)'],
  },
  arrivals: {
    type: 'string',
    description:
      'When messages are sent: poisson(rate) for random (exponential) gaps, constant(rate) for even gaps. ' +
      'A rate is a number > 0 per second, minute or hour: 8/s, 120/m, 30/h.',
    examples: ['poisson(8/s)', 'constant(120/m)'],
  },
};

const ref = (kind: TextKind, description: string, extra: Json = {}): Json => ({
  $ref: `#/definitions/${kind}`,
  description,
  ...extra,
});

// Names and references: an empty string names nothing.
const text = (description: string): Json => ({ type: 'string', minLength: 1, description });

const integer = (minimum: number, description: string, extra: Json = {}): Json => ({
  type: 'integer',
  minimum,
  description,
  ...extra,
});

/** A mapping with a fixed set of keys; anything else is an unknown key. */
const record = (description: string, properties: Record<string, Json>, required: string[] = [], extra: Json = {}): Json => ({
  type: 'object',
  description,
  properties,
  ...(required.length > 0 ? { required } : {}),
  additionalProperties: false,
  ...extra,
});

/** A mapping from user-chosen names to entries, at least one. */
const named = (description: string, entry: Json): Json => ({
  type: 'object',
  description,
  minProperties: 1,
  additionalProperties: entry,
});

const list = (description: string, item: Json): Json => ({ type: 'array', description, minItems: 1, items: item });

const machine = record(
  'A machine, with its own CPU cores and its own MSMQ queue manager. An empty entry (`client:` or `client: {}`) takes the defaults.',
  { cores: integer(1, 'CPU cores, shared by everything the machine runs. Default 1.', { default: 1 }) },
  [],
  { type: ['object', 'null'] },
);

const handler = record(
  'How the endpoint handles one message type.',
  {
    duration: ref('distribution', 'Processing time of one message, as a distribution.'),
    reply: text('Optional: the message type sent back to the original sender when the handler completes.'),
  },
  ['duration'],
);

const instance = record(
  'One running copy of the endpoint (a worker).',
  {
    machine: text('The machine the instance runs on: a name under `machines`.'),
    threads: integer(1, 'Messages the instance processes at the same time. Default 1.', { default: 1 }),
    name: text(
      'Optional, unique within the endpoint. Default: the machine name, or machine-1, machine-2... when several instances of the endpoint share a machine.',
    ),
  },
  ['machine'],
);

const endpoint = record(
  'A logical endpoint: the message types it handles and the instances it is scaled out to.',
  {
    handlers: named('Message type name -> handler. At least one.', handler),
    instances: list('The instances the endpoint is scaled out to. At least one.', instance),
  },
  ['handlers', 'instances'],
);

const send = record(
  'A stream of messages of one type to one endpoint.',
  {
    message: text('The message type sent; the destination endpoint must have a handler for it.'),
    to: text('The destination: a logical endpoint name under `endpoints`.'),
    arrivals: ref('arrivals', 'When the messages are sent: poisson(rate) or constant(rate).'),
  },
  ['message', 'to', 'arrivals'],
);

const sender = record(
  'A process that sends messages (a web front end, a batch job).',
  {
    machine: text('The machine the sender runs on: a name under `machines`.'),
    sends: list('The message streams this sender produces. At least one.', send),
  },
  ['machine', 'sends'],
);

const strategy = record(
  'A way of spreading messages over an endpoint\'s instances. Every strategy is run on the same workload, so they can be compared.',
  {
    kind: {
      type: 'string',
      enum: ['distributor', 'round-robin', 'random', 'shared-queue'],
      description:
        'distributor: the MSMQ distributor, a central process that forwards each message to a worker that said it is ready. ' +
        'round-robin: each sender cycles through the instances. random: each sender picks an instance at random. ' +
        'shared-queue: an ideal shared queue (competing consumers), the baseline.',
    },
    machine: text('distributor only, and required for it: the machine running the distributor process.'),
    concurrency: integer(1, 'distributor only: messages the distributor forwards at the same time (MaximumConcurrencyLevel). Default 1.', {
      default: 1,
    }),
  },
  ['kind'],
);

const countOrDuration = (description: string, messagesMinimum: number, messages: string, duration: string): Json =>
  record(description, {
    messages: integer(messagesMinimum, messages),
    duration: ref('duration', duration),
  });

const scenario: Json = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'sim scenario',
  ...record(
    'A scenario for sim, the NServiceBus MSMQ scale-out simulator: the machines, the endpoints and their instances, the senders, and the scale-out strategies to compare.',
    {
      name: text('Name of the scenario, used for the report folder. Default: the file name without its extension.'),
      seed: integer(0, 'Seed of all random streams; the same seed gives the same results. Default 1.', { default: 1 }),
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
      transport: record('Costs of the MSMQ transport. Both may be 0ms.', {
        operation: ref('duration', 'Cost of one MSMQ send or receive, paid by the machine doing it. Default 1ms.', { default: '1ms' }),
        network: ref('duration', 'One-way delay between two machines. Default 0.5ms.', { default: '0.5ms' }),
      }),
      machines: named('Machine name -> machine. At least one.', machine),
      endpoints: named('Logical endpoint name -> endpoint. At least one.', endpoint),
      senders: named('Sender name -> sender. At least one.', sender),
      strategies: named('Strategy name (your label for it in reports) -> strategy. At least one.', strategy),
    },
    ['stop', 'machines', 'endpoints', 'senders', 'strategies'],
  ),
  definitions,
};

/** The JSON Schema (draft-07) of the scenario format. A fresh copy each call: callers may change it. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return structuredClone(scenario);
}
