// The loading pipeline: read -> parse YAML -> apply --set options -> check structure against the JSON
// Schema -> check meaning and build the model -> the same for each variant, or for each point of the
// sweep. Each step collects every problem it finds; the first three stop the pipeline when they find
// any, because later steps cannot judge what they could not read.

import type { Scenario, Sweep, Variant } from '../model/scenario-types.js';
import { dirname, resolve } from 'node:path';
import { type CostSpec, buildCost } from './build-cost.js';
import { buildScenario } from './build-scenario.js';
import { checkRunCount } from './limits.js';
import type { Problem } from './problem.js';
import { ProblemList } from './problem-list.js';
import { DISK_FILES, type ScenarioFiles } from './scenario-files.js';
import { applySets } from './set-overrides.js';
import type { Positions } from './source-map.js';
import { checkStructure } from './structure.js';
import { buildSweep } from './sweep.js';
import { NOT_TEXT } from './text-file.js';
import { buildVariants } from './variants.js';
import { parseYaml } from './yaml-document.js';

/**
 * The scenario as written, its variants in the order written ([] without a `variants` block) and its
 * sweep (absent without a `sweep` block).
 */
export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly variants: Variant[]; readonly sweep?: Sweep; readonly cost?: CostSpec }
  | { readonly ok: false; readonly problems: Problem[] };

export interface LoadOptions {
  /**
   * `path=value` overrides (the command line's --set), applied in order to the scenario as written
   * before it is checked; their problems are reported as `--set:<n>:<col>`.
   */
  readonly set?: readonly string[];
  /** Where data files are read from (default: the disk). */
  readonly files?: ScenarioFiles;
}

const FILE_START = { line: 1, col: 1 };

/** Reads and loads the scenario file at `file` (relative to the working directory, or absolute; or from `options.files`). */
export function loadScenarioFile(file: string, options: LoadOptions = {}): LoadResult {
  const read = (options.files ?? DISK_FILES).readText(file);
  // A missing scenario says where it was looked for: a relative name is read from the current folder.
  if (!read.ok) return fail(file, read.missing === true ? `${read.message} in ${resolve(dirname(file))}` : read.message);
  return loadScenarioText(read.text, file, options);
}

/**
 * Loads a scenario from its YAML text. `file` names it in problems and in Scenario.file, and
 * `empirical(...)` data files are found relative to its folder.
 */
export function loadScenarioText(text: string, file: string, options: LoadOptions = {}): LoadResult {
  // Text handed over directly can still be binary junk (a NUL byte), which YAML would happily accept.
  if (text.includes('\u0000')) return fail(file, NOT_TEXT);
  if (text.trim() === '') return fail(file, 'file is empty');

  const problems = new ProblemList(file);
  const parsed = parseYaml(text, problems);
  if (!parsed.ok) return { ok: false, problems: problems.sorted() };

  let data = parsed.data;
  let source: Positions = parsed.source;
  if (options.set !== undefined && options.set.length > 0) {
    const applied = applySets(data, source, options.set, problems);
    if (applied === undefined) return { ok: false, problems: problems.sorted() };
    ({ data, source } = applied);
  }

  // Structure and meaning are both checked, so one run lists a wrong type and a misspelt reference
  // together; the build step skips whatever the schema already rejected.
  checkStructure(data, source, problems);
  const ctx = { file, source, problems, dataFiles: new Map(), files: options.files ?? DISK_FILES };
  const scenario = buildScenario(ctx, data);
  // Variants and sweep points are checked even when the scenario has problems: the list then has
  // everything at once.
  const variants = buildVariants(ctx, data);
  const sweep = buildSweep(ctx, data);
  const cost = buildCost(ctx, data);
  const points = sweep?.points.length ?? 1;
  checkRunCount(ctx, points * Math.max(1, variants.length) * scenario.replications * scenario.strategies.length);
  if (problems.size > 0) return { ok: false, problems: problems.sorted() };
  return { ok: true, scenario, variants, ...(sweep === undefined ? {} : { sweep }), ...(cost === undefined ? {} : { cost }) };
}

function fail(file: string, message: string): LoadResult {
  return { ok: false, problems: [{ file, ...FILE_START, path: '', message }] };
}
