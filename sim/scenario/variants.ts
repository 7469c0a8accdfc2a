// Step 6 of loading: the `variants:` block. Each variant replaces values at paths in a copy of the
// scenario's data, then goes through the same checks and build as the scenario itself. Its problems
// point into the override that caused them (or at the scenario's line they break, such as a reference
// an override made dangling), each marked with the variant's name.

import type { Variant } from '../model/scenario-types.js';
import { type BuildContext, type Data, entries, isData, problemAtKey } from './build-context.js';
import { buildScenario } from './build-scenario.js';
import type { Segment } from './problem.js';
import { ProblemList } from './problem-list.js';
import { checkStructure } from './structure.js';
import { expandPath, replaceEach } from './path-pattern.js';
import { OverlayPositions, type Override } from './variant-overlay.js';
import { parsePath } from './variant-path.js';

/** Top-level keys a variant may not replace, and why. */
const FIXED: Readonly<Record<string, string>> = {
  name: "cannot be overridden: every variant keeps the scenario's name (the variant's own name is its key under variants)",
  variants: 'cannot be overridden: variants do not nest',
  sweep: 'cannot be overridden: sweeps and variants do not combine',
};

/**
 * The variants of the scenario in `data`, in the order written ([] without a `variants` block).
 * Problems go to ctx.problems; a variant with problems is left out.
 */
export function buildVariants(ctx: BuildContext, data: Data): Variant[] {
  const variants: Variant[] = [];
  // Each variant starts from the scenario as written, without the variants themselves (and without a
  // sweep, which cannot be combined with them: that is reported with the sweep).
  const base = Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'variants' && key !== 'sweep'));
  for (const [name, value] of entries(ctx, data.variants, ['variants'])) {
    // `name:` with nothing after it is a variant that changes nothing; anything else is reported by the schema.
    if (value !== null && !isData(value)) continue;
    const applied = applyOverrides(ctx, base, value ?? {}, ['variants', name]);
    if (applied === undefined) continue;
    const problems = new ProblemList(ctx.file);
    const source = new OverlayPositions(ctx.source, applied.overrides);
    const vctx: BuildContext = { ...ctx, source, problems };
    checkStructure(applied.data, source, problems);
    const scenario = buildScenario(vctx, applied.data);
    ctx.problems.addFrom(problems, ` (variant ${JSON.stringify(name)})`);
    if (problems.size === 0) variants.push({ name, overrides: applied.written, scenario });
  }
  return variants;
}

interface Applied {
  readonly data: Data;
  readonly overrides: Override[];
  /** Path -> value, as written. */
  readonly written: Record<string, unknown>;
}

/** `base` with the overrides of one variant applied in the order written, or undefined when a path is bad (reported). */
function applyOverrides(ctx: BuildContext, base: Data, value: Data, at: readonly Segment[]): Applied | undefined {
  let data: unknown = base;
  const overrides: Override[] = [];
  const written: [string, unknown][] = [];
  let ok = true;
  for (const [key, replacement] of entries(ctx, value, at)) {
    const source = [...at, key];
    const path = parsePath(key);
    // hasOwn: a key such as "constructor" must not find the object's inherited members.
    const first = typeof path === 'string' ? undefined : path[0];
    const fixed = typeof first === 'string' && Object.hasOwn(FIXED, first) ? FIXED[first] : undefined;
    const paths = typeof path === 'string' ? path : (fixed ?? expandPath(data, path));
    const result = typeof paths === 'string' ? paths : replaceEach(data, paths, replacement);
    if (typeof result === 'string') {
      problemAtKey(ctx, source, result);
      ok = false;
      continue;
    }
    data = result.data;
    for (const p of paths as Segment[][]) overrides.push({ path: p, source });
    written.push([key, replacement]);
  }
  // A half-applied variant would be judged on values the user did not mean: report the paths only.
  if (!ok || !isData(data)) return undefined;
  return { data, overrides, written: Object.fromEntries(written) };
}
