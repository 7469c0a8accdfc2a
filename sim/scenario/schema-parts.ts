// The building blocks of the scenario's JSON Schema (schema.ts): the text syntaxes kept under
// `definitions`, and small constructors for the kinds of value a scenario has.

export type Json = Record<string, unknown>;

/** Value kinds written as text with their own little syntax, kept under `definitions` so that a type
 * error can tell from its schema path which kind was expected (see structure.ts). */
export type TextKind = 'duration' | 'distribution' | 'arrivals';

export const definitions: Record<TextKind, Json> = {
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

export const ref = (kind: TextKind, description: string, extra: Json = {}): Json => ({
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
