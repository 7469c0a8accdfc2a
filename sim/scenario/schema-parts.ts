// The building blocks of the scenario's JSON Schema (schema.ts): the text syntaxes kept under
// `definitions`, and small constructors for the kinds of value a scenario has.

export type Json = Record<string, unknown>;

/** Value kinds written as text with their own little syntax, kept under `definitions` so that a type
 * error can tell from its schema path which kind was expected (see structure.ts). */
export type TextKind = 'duration' | 'distribution' | 'arrivals';

/** Everything under `definitions`: the text kinds, and a sweep parameter's values (a list or a range). */
export type DefinitionKind = TextKind | 'sweepValues';

const sweepValue = 'a number, a duration such as 2ms or a rate such as 4/s';

export const definitions: Record<DefinitionKind, Json> = {
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
      'When messages are sent: poisson(rate) for random (exponential) gaps, constant(rate) for even gaps; ' +
      'piecewise(0s=4/s, 10m=12/s, 20m=4/s), Poisson whose rate changes at each time (times increasing, the first 0s; rates >= 0, one > 0); ' +
      'daily(base=4/s, peak=20/s, at=12h), Poisson rising smoothly from base to peak at that time of each day (0 <= base <= peak); ' +
      'bursts(poisson=2/s, every=10m, size=500), Poisson plus size messages at once every `every`; ' +
      'trace(file.csv), recorded send times from a CSV file (relative to the scenario file), one per line, with a unit or in milliseconds, optionally under a header, never decreasing. ' +
      'daily and bursts take named arguments in any order. A rate is a number per second, minute or hour: 8/s, 120/m, 30/h. ' +
      'Inside { ... } quote a value with commas. ' +
      'Each has a mean rate: piecewise and daily averaged over stop.duration (over a day when the run stops at a message count), bursts poisson + size / every, a trace its count over its last time.',
    examples: ['poisson(8/s)', 'constant(120/m)', 'piecewise(0s=4/s, 10m=12/s, 20m=4/s)', 'daily(base=4/s, peak=20/s, at=12h)', 'bursts(poisson=2/s, every=10m, size=500)', 'trace(sends.csv)'],
  },
  sweepValues: {
    description:
      `The values of one sweep parameter: a list of values, each ${sweepValue}, all of one kind, or a range { from, to, step }. ` +
      'Durations become milliseconds and rates per second.',
    if: { type: 'array' },
    then: { type: 'array', items: { description: `One value: ${sweepValue}.` } },
    else: {
      type: 'object',
      properties: {
        from: { description: `The first value: ${sweepValue}.` },
        to: { description: 'The last value, included when the steps land on it exactly; not below from, and of the same kind.' },
        step: {
          description: 'The distance between values, > 0 and of the same kind as from (1ms, 2/s). Default 1 for plain numbers; required for durations and rates.',
        },
      },
      required: ['from', 'to'],
      additionalProperties: false,
    },
    examples: [[2, 4, 8], ['4/s', '8/s'], ['1ms', '2ms'], { from: 2, to: 8, step: 2 }, { from: '1ms', to: '5ms', step: '1ms' }],
  },
};

export const ref = (kind: DefinitionKind, description: string, extra: Json = {}): Json => ({
  $ref: `#/definitions/${kind}`,
  description,
  ...extra,
});

// Names and references: an empty string names nothing.
export const text = (description: string): Json => ({ type: 'string', minLength: 1, description });

export const integer = (minimum: number, description: string, extra: Json = {}): Json => ({
  type: 'integer',
  minimum,
  description,
  ...extra,
});

export const number = (bounds: Json, description: string, extra: Json = {}): Json => ({ type: 'number', ...bounds, description, ...extra });

export const flag = (description: string, byDefault: boolean): Json => ({ type: 'boolean', description, default: byDefault });

/** A mapping with a fixed set of keys; anything else is an unknown key. */
export const record = (description: string, properties: Record<string, Json>, required: string[] = [], extra: Json = {}): Json => ({
  type: 'object',
  description,
  properties,
  ...(required.length > 0 ? { required } : {}),
  additionalProperties: false,
  ...extra,
});

/** A mapping from user-chosen names to entries, at least one. */
export const named = (description: string, entry: Json): Json => ({
  type: 'object',
  description,
  minProperties: 1,
  additionalProperties: entry,
});

export const list = (description: string, item: Json): Json => ({ type: 'array', description, minItems: 1, items: item });
