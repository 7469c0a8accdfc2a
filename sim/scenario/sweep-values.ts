// The values of one sweep parameter: a list (`[2, 4, 8]`, `[4/s, 8/s]`, `[1ms, 2ms]`) or a range
// (`{ from: 2, to: 8, step: 2 }`), all of one kind, as numbers in the model's units (ms, per second,
// counts as is), with what to set at a path and how to show each in problems.

import { type BuildContext, type Data, isData, problemAt } from './build-context.js';
import { describeValue } from './describe.js';
import type { Segment } from './problem.js';
import type { ValueKind } from './sweep-paths.js';
import { formatDuration, formatRate, parseDuration, parseNonNegativeRate } from './units.js';

export const MAX_VALUES_PER_PARAMETER = 1000;

/** One value of a parameter. */
export interface Value {
  /** In the model's units: ms, per second, or as is. */
  readonly number: number;
  /** What is set at a plain path: the value as written (list), or as text with a unit (range). */
  readonly data: unknown;
  /** How problems show it: as written, or in the unit of the range. */
  readonly text: string;
  /** Where it is written: the list item, or the range. */
  readonly source: readonly Segment[];
}

const KIND_WORDS: Readonly<Record<ValueKind, string>> = { number: 'a number', duration: 'a duration', rate: 'a rate' };
const SWEEP_VALUE = 'a number, a duration such as 2ms or a rate such as 4/s';

/** The values of one parameter (a list or a range), all of one kind; undefined with problems (reported). */
export function readValues(ctx: BuildContext, raw: unknown, at: readonly Segment[]): { kind: ValueKind; values: Value[] } | undefined {
  if (Array.isArray(raw)) return readList(ctx, raw, at);
  // Anything else is the schema's to report.
  return isData(raw) ? readRange(ctx, raw, at) : undefined;
}

function readList(ctx: BuildContext, list: readonly unknown[], at: readonly Segment[]): { kind: ValueKind; values: Value[] } | undefined {
  if (list.length === 0) {
    problemAt(ctx, at, 'must have at least one value, got an empty list');
    return undefined;
  }
  if (list.length > MAX_VALUES_PER_PARAMETER) {
    problemAt(ctx, at, `has ${list.length} values; a sweep takes at most ${MAX_VALUES_PER_PARAMETER} per parameter`);
    return undefined;
  }
  let ok = true;
  let kind: ValueKind | undefined;
  const values: Value[] = [];
  list.forEach((item, i) => {
    const source = [...at, i];
    const read = readValue(item);
    if (typeof read === 'string') {
      problemAt(ctx, source, read);
      ok = false;
      return;
    }
    kind ??= read.kind;
    const first = values.findIndex((v) => v.number === read.number);
    if (read.kind !== kind) {
      problemAt(ctx, source, `is ${KIND_WORDS[read.kind]}, but the first value is ${KIND_WORDS[kind]}; the values of one parameter must be all numbers, all durations or all rates`);
      ok = false;
    } else if (first >= 0) {
      problemAt(ctx, source, `repeats ${values[first].text} (the value at [${first}]); give each value once`);
      ok = false;
    }
    values.push({ number: read.number, data: item, text: typeof item === 'string' ? item.trim() : String(item), source });
  });
  return ok && kind !== undefined ? { kind, values } : undefined;
}

function readRange(ctx: BuildContext, range: Data, at: readonly Segment[]): { kind: ValueKind; values: Value[] } | undefined {
  // Unknown or missing keys: the schema reports them.
  if (Object.keys(range).some((k) => !['from', 'to', 'step'].includes(k)) || !Object.hasOwn(range, 'from') || !Object.hasOwn(range, 'to')) return undefined;
  const read = (key: string) => {
    const value = readValue(range[key]);
    if (typeof value === 'string') problemAt(ctx, [...at, key], value);
    return typeof value === 'string' ? undefined : value;
  };
  const from = read('from');
  const to = read('to');
  const step = Object.hasOwn(range, 'step') ? read('step') : undefined;
  if (from === undefined || to === undefined || (Object.hasOwn(range, 'step') && step === undefined)) return undefined;
  const kind = from.kind;
  const shown = (key: string) => JSON.stringify(range[key]);
  for (const [key, value] of [['to', to], ['step', step]] as const) {
    if (value !== undefined && value.kind !== kind) {
      problemAt(ctx, [...at, key], `is ${KIND_WORDS[value.kind]}, but from is ${KIND_WORDS[kind]}; from, to and step must be of one kind, got ${shown(key)}`);
      return undefined;
    }
  }
  if (step === undefined && kind !== 'number') {
    problemAt(ctx, at, `needs a step for a range of ${kind}s, of the same kind as from, e.g. step: ${kind === 'duration' ? '1ms' : '1/s'}`);
    return undefined;
  }
  const by = step?.number ?? 1;
  if (by <= 0) {
    problemAt(ctx, [...at, 'step'], `must be > 0, got ${shown('step')}`);
    return undefined;
  }
  if (to.number < from.number) {
    problemAt(ctx, [...at, 'to'], `must not be below from (${shown('from')}), got ${shown('to')}`);
    return undefined;
  }
  // Decimal steps add up with binary rounding (0.1 + 2 x 0.1 is 0.30000000000000004): each value is
  // rounded to 15 digits, and a little slack keeps a `to` the steps land on. Rates are stepped per
  // hour, where /s, /m and /h are all whole multiples (2/m is 120/h, but 0.0333.../s).
  const scale = kind === 'rate' ? 3600 : 1;
  const [first, last, size] = [from.number, to.number, by].map((n) => clean(n * scale));
  const count = Math.floor((last - first) / size + 1e-9) + 1;
  if (count > MAX_VALUES_PER_PARAMETER) {
    problemAt(ctx, at, `makes ${count} values; a sweep takes at most ${MAX_VALUES_PER_PARAMETER} per parameter`);
    return undefined;
  }
  const unit = unitOf(range.from, kind);
  const values = Array.from({ length: count }, (_, i): Value => {
    const scaled = clean(first + i * size);
    const number = Math.abs(scaled - last) <= 1e-9 * Math.max(1, Math.abs(last)) ? to.number : scaled / scale;
    return { number, data: asData(number, kind), text: asText(number, kind, unit), source: at };
  });
  return { kind, values };
}

const clean = (n: number): number => Number(n.toPrecision(15));

/** A value as written: a number, a duration or a rate, or why it is none of them. */
function readValue(item: unknown): { kind: ValueKind; number: number } | string {
  if (typeof item === 'number' && Number.isFinite(item)) return { kind: 'number', number: item };
  if (typeof item === 'string' && /^\s*[+-]?\.?\d/.test(item)) {
    const rate = item.includes('/');
    const number = rate ? parseNonNegativeRate(item) : parseDuration(item);
    if (typeof number === 'string') return number;
    return { kind: rate ? 'rate' : 'duration', number };
  }
  return `must be ${SWEEP_VALUE}, got ${describeValue(item)}`;
}

/** What is set at a plain path: a number, or text with a unit that reads back exactly. */
function asData(number: number, kind: ValueKind): unknown {
  if (kind === 'number') return number;
  return kind === 'duration' ? `${number}ms` : formatRate(number);
}

/** The unit `from` is written in (`s` in 1.5s, `/m` in 2/m), for showing a range's values. */
function unitOf(from: unknown, kind: ValueKind): string | undefined {
  if (kind === 'number' || typeof from !== 'string') return undefined;
  return /[\d.]\s*([a-z/]+)\s*$/i.exec(from)?.[1].replace(/\s+/g, '');
}

const DURATION_FACTORS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const RATE_FACTORS: Readonly<Record<string, number>> = { '/s': 1, '/m': 1 / 60, '/h': 1 / 3600 };

/** A range's value for people: in the unit of `from` where that is exact enough, else in ms or /s. */
function asText(number: number, kind: ValueKind, unit: string | undefined): string {
  if (kind === 'number') return String(number);
  const factors = kind === 'duration' ? DURATION_FACTORS : RATE_FACTORS;
  if (unit !== undefined && Object.hasOwn(factors, unit)) return `${Number((number / factors[unit]).toPrecision(12))}${unit}`;
  return kind === 'duration' ? formatDuration(number) : formatRate(number);
}
