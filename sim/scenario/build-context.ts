// Shared by the build steps (build-*.ts), which turn schema-checked data into the model and check what
// the schema cannot. The data may still hold values the schema rejected (those are already reported),
// so every reader here takes what has the right type and silently skips the rest: one problem, one
// message.

import type { EmpiricalData } from './empirical-data.js';
import { formatPath, type Segment } from './problem.js';
import type { ProblemList } from './problem-list.js';
import type { ScenarioFiles } from './scenario-files.js';
import type { Positions } from './source-map.js';
import { didYouMean, listChoices } from './suggest.js';
import { parseDuration, parsePositiveDuration } from './units.js';

export type Data = Record<string, unknown>;

export interface BuildContext {
  /** The scenario file as given to the loader. */
  readonly file: string;
  readonly source: Positions;
  readonly problems: ProblemList;
  /** Data files read so far, by kind and path, so that a file named twice is read (and reported) once. */
  readonly dataFiles: Map<string, EmpiricalData>;
  /** Where those data files are read from. */
  readonly files: ScenarioFiles;
}

/** A problem at the value found at `path`. */
export function problemAt(ctx: BuildContext, path: readonly Segment[], message: string): void {
  ctx.problems.add(ctx.source.valuePos(path), formatPath(path), message);
}

/** A problem at the key that ends `path` (a key that should not be there). */
export function problemAtKey(ctx: BuildContext, path: readonly Segment[], message: string): void {
  ctx.problems.add(ctx.source.keyPos(path), formatPath(path), message);
}

export function isData(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mapping's entries in the order written in the file; [] when it is not a mapping. */
export function entries(ctx: BuildContext, value: unknown, path: readonly Segment[]): [string, unknown][] {
  if (!isData(value)) return [];
  const keys = ctx.source.keys(path) ?? Object.keys(value);
  return keys.filter((k) => Object.hasOwn(value, k)).map((k) => [k, value[k]]);
}

/** A non-empty string (names and references; the schema reports empty ones), else undefined. */
export function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An integer the schema accepted (>= min), else undefined. */
export function integerAt(value: unknown, min: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min ? value : undefined;
}

/** A boolean the schema accepted, else undefined. */
export function booleanAt(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** A number the schema accepted (`accepts` says which), else undefined. */
export function numberAt(value: unknown, accepts: (n: number) => boolean): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && accepts(value) ? value : undefined;
}

/**
 * `key` of `data` read with `read`, or `fallback` when the key is not there. NaN (or undefined for
 * non-numbers) stands in for a value that was given but is wrong: that is reported, and a scenario
 * with problems is never returned.
 */
export function optional<T>(data: Data, key: string, read: (value: unknown) => T | undefined, fallback: T): T | undefined {
  return Object.hasOwn(data, key) ? read(data[key]) : fallback;
}

/** A duration in ms, or undefined when absent, mistyped (already reported) or bad (reported here). */
export function durationAt(ctx: BuildContext, value: unknown, path: readonly Segment[], positive: boolean): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = positive ? parsePositiveDuration(value) : parseDuration(value);
  if (typeof ms === 'string') {
    problemAt(ctx, path, ms);
    return undefined;
  }
  return ms;
}

/**
 * Checks that `name` (at `path`) is one of `known` (things of the given kind, e.g. "machine"); when it
 * is not, says which was probably meant, or lists them. Returns whether the name is known. When there
 * are none to choose from, that is already reported (the schema requires at least one), so stay quiet.
 */
export function checkReference(
  ctx: BuildContext,
  path: readonly Segment[],
  name: string,
  kind: string,
  known: readonly string[],
): boolean {
  if (known.includes(name)) return true;
  if (known.length === 0) return false;
  const hint = didYouMean(name, known) || `; the ${kind}s are ${listChoices(known)}`;
  problemAt(ctx, path, `unknown ${kind} ${JSON.stringify(name)}${hint}`);
  return false;
}
