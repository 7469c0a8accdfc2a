// Structural validation: the parsed YAML against the JSON Schema (schema.ts), compiled by ajv, every error
// collected, each turned into a message a person can act on and placed at its line and column.

import type { ErrorObject, ValidateFunction } from 'ajv';
import { describeValue, showValue } from './describe.js';
import { formatPath, type Segment } from './problem.js';
import type { ProblemList } from './problem-list.js';
import type { DefinitionKind } from './schema.js';
import { validate as compiledValidator } from './scenario-validator.js';
import type { Positions } from './source-map.js';
import { didYouMean } from './suggest.js';

/** The schema compiled by ajv when the code is built (validator-source.ts), with every error and verbose ones. */
const validator = (): ValidateFunction => compiledValidator as ValidateFunction;

/** What a value of one of the kinds under `definitions` should look like. */
const DEFINITION_EXAMPLES: Readonly<Record<DefinitionKind, string>> = {
  duration: 'a duration such as 200ms',
  distribution: 'a distribution such as exponential(200ms)',
  arrivals: 'an arrival process such as poisson(8/s)',
  sweepValues: 'a list of values such as [2, 4, 8] or a range such as { from: 2, to: 8, step: 2 }',
};

/** Checks `data` against the schema, adding a problem for each error. Returns the number added. */
export function checkStructure(data: unknown, source: Positions, problems: ProblemList): number {
  const validate = validator();
  if (validate(data)) return 0;
  const errors = validate.errors ?? [];
  // A value of the wrong type also fails the rules for the right type (0.5 is neither an integer nor
  // >= 1): say only that the type is wrong.
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const before = problems.size;
  for (const error of errors) {
    if (error.keyword !== 'type' && mistyped.has(error.instancePath)) continue;
    // "must match then/else schema": the branch's own error says what is wrong.
    if (error.keyword === 'if') continue;
    report(error, toSegments(error.instancePath, data), source, problems);
  }
  return problems.size - before;
}

/** `/endpoints/Sales/instances/1` -> ['endpoints', 'Sales', 'instances', 1] (JSON Pointer, RFC 6901). */
function toSegments(pointer: string, data: unknown): Segment[] {
  if (pointer === '') return [];
  const out: Segment[] = [];
  let current = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg: Segment = Array.isArray(current) ? Number(key) : key;
    out.push(seg);
    current = (current as Record<string, unknown> | undefined)?.[seg];
  }
  return out;
}

function report(error: ErrorObject, path: Segment[], source: Positions, problems: ProblemList): void {
  const at = formatPath(path);
  const data: unknown = error.data;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      problems.add(source.valuePos(path), at, typeMessage(error, schema, data));
      return;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum': {
      const { comparison, limit } = error.params as { comparison: string; limit: number };
      const why = typeof schema.$comment === 'string' && error.keyword === 'maximum' ? ` (the limit: ${schema.$comment})` : '';
      problems.add(source.valuePos(path), at, `must be ${comparison} ${limit}, got ${showValue(data)}${why}`);
      return;
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((schema.properties ?? {}) as object);
      // `{ duration: uniform(1ms, 2ms) }` splits at the comma into a value and a key "2ms)";
      // `{ arrivals: daily(base=4/s, peak=20/s, at=12h) }` into a value and keys "peak=20/s" and "at=12h)".
      const cut = cutShort(key, data);
      const hint = cut || didYouMean(key, allowed) || `; allowed keys here are ${allowed.join(', ')}`;
      problems.add(source.keyPos([...path, key]), at, `unknown key ${JSON.stringify(key)}${hint}`);
      return;
    }
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      const subject = path.length === 0 ? 'the scenario is' : 'is';
      problems.add(source.valuePos(path), at, `${subject} missing required key ${JSON.stringify(key)}`);
      return;
    }
    case 'enum': {
      const choices = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = typeof data === 'string' ? didYouMean(data, choices) : '';
      problems.add(source.valuePos(path), at, `must be one of ${choices.join(', ')}, got ${describeValue(data)}${hint}`);
      return;
    }
    case 'minLength':
      problems.add(source.valuePos(path), at, `must not be empty, got ${showValue(data)}`);
      return;
    case 'minProperties':
      problems.add(source.valuePos(path), at, `must have at least one ${singular(path)}, got an empty mapping`);
      return;
    case 'minItems':
      problems.add(source.valuePos(path), at, `must have at least one ${singular(path)}, got an empty list`);
      return;
    case 'maxProperties': {
      const { limit } = error.params as { limit: number };
      const count = typeof data === 'object' && data !== null ? Object.keys(data).length : 0;
      const why = typeof schema.$comment === 'string' ? `: ${schema.$comment}` : '';
      problems.add(source.valuePos(path), at, `has ${count} entries, more than the limit of ${limit}${why}`);
      return;
    }
    default:
      // Keywords the schema does not use today; still reported, in ajv's own words.
      problems.add(source.valuePos(path), at, `${error.message ?? 'is not valid'}, got ${describeValue(data)}`);
  }
}

/** The hint for an unknown key that is a piece of a value cut short at a comma, or ''. */
function cutShort(key: string, mapping: unknown): string {
  if (key.includes('(')) return '';
  if (/\)\s*$/.test(key)) return ' (the end of a value cut short at a comma? quote values that have commas)';
  // A piece from the middle: some value of this mapping opens a parenthesis it does not close.
  const values = typeof mapping === 'object' && mapping !== null ? Object.values(mapping) : [];
  const opened = values.some((v) => typeof v === 'string' && v.includes('(') && !v.includes(')'));
  return opened ? ' (part of a value cut short at a comma? quote values that have commas)' : '';
}

function typeMessage(error: ErrorObject, schema: Record<string, unknown>, data: unknown): string {
  const kind = /^#\/definitions\/(\w+)\//.exec(error.schemaPath)?.[1] as DefinitionKind | undefined;
  if (kind === 'duration' && typeof data === 'number') {
    // YAML reads `drain: 5` as a number; units are never implied, so ask for one.
    return `needs a unit, e.g. ${data}ms, got ${describeValue(data)}`;
  }
  const expected = kind !== undefined ? DEFINITION_EXAMPLES[kind] : expectedType(schema);
  return `must be ${expected}, got ${describeValue(data)}`;
}

/** The expected type in words, from the schema: `a positive integer`, `a mapping or empty`. */
function expectedType(schema: Record<string, unknown>): string {
  const types = ([] as unknown[]).concat(schema.type ?? []).map(String);
  const words = types.map((t) => {
    switch (t) {
      case 'integer':
        if (schema.minimum === 1) return 'a positive integer';
        if (schema.minimum === 0) return 'a non-negative integer';
        return 'an integer';
      case 'number':
        return numberWords(schema);
      case 'object':
        return 'a mapping';
      case 'array':
        return 'a list';
      case 'null':
        return 'empty';
      case 'boolean':
        return 'true or false';
      default:
        return `a ${t}`;
    }
  });
  return words.join(' or ') || 'something else';
}

/** `a number from 0 to 1`, `a number > 0`, from the schema's bounds. */
function numberWords(schema: Record<string, unknown>): string {
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') return `a number from ${schema.minimum} to ${schema.maximum}`;
  if (typeof schema.exclusiveMinimum === 'number') return `a number > ${schema.exclusiveMinimum}`;
  if (typeof schema.minimum === 'number') return `a number >= ${schema.minimum}`;
  return 'a number';
}

/** The word for one entry of the collection at `path`: machines -> machine, strategies -> strategy. */
function singular(path: Segment[]): string {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return 'entry';
  if (last.endsWith('ies')) return `${last.slice(0, -3)}y`;
  return last.endsWith('s') ? last.slice(0, -1) : 'entry';
}
