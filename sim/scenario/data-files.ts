// Reading the data files a scenario names (`empirical(file.csv)` durations, `trace(file.csv)` send
// times), relative to the scenario's folder, each read once per load however often it is named.

import { dirname, isAbsolute, join } from 'node:path';
import { type BuildContext, problemAt } from './build-context.js';
import { type DataKind, readEmpiricalData } from './empirical-data.js';
import type { Segment } from './problem.js';

const NAMES: Readonly<Record<DataKind, string>> = { durations: 'empirical data file', times: 'trace data file' };

/**
 * The values in `file`, relative to the scenario's folder, or undefined when it cannot be used
 * (reported). Problems inside the data file are reported at their own lines there, and listed right
 * after a problem at the scenario field (at `path`) naming the file.
 */
export function dataFileValues(ctx: BuildContext, kind: DataKind, file: string, path: readonly Segment[]): readonly number[] | undefined {
  const resolved = isAbsolute(file) ? file : join(dirname(ctx.file), file);
  // The same file may be read as both kinds, with different rules: one cache entry per kind.
  const key = `${kind}:${resolved}`;
  let data = ctx.dataFiles.get(key);
  if (data === undefined) {
    data = readEmpiricalData(resolved, kind, ctx.files.readText);
    ctx.dataFiles.set(key, data);
  }
  const named = `${NAMES[kind]} ${JSON.stringify(resolved)}`;
  if (data.fileProblem !== undefined) {
    problemAt(ctx, path, `${named}: ${data.fileProblem}`);
    return undefined;
  }
  if (data.lineProblems.length > 0) {
    const n = data.lineProblems.length;
    problemAt(ctx, path, `${named} has ${n === 1 ? '1 problem' : `${n} problems`} (listed next)`);
    const anchor = ctx.source.valuePos(path);
    for (const p of data.lineProblems) ctx.problems.addElsewhere(p, anchor);
    return undefined;
  }
  return data.samples;
}
