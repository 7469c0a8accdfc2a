// Compiling a chart the strict way, for the sweep and heatmap chart tests: any vega-lite warning fails.
import { compile, type TopLevelSpec } from 'vega-lite';

type Json = unknown;

/** The Vega spec of a Vega-Lite spec, and every warning vega-lite gave while compiling it. */
export function compileWithWarnings(spec: object): { vega: Record<string, Json>; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level() {
      return this;
    },
    warn(...args: unknown[]) {
      warnings.push(args.join(' '));
      return this;
    },
    info() {
      return this;
    },
    debug() {
      return this;
    },
    error(...args: unknown[]) {
      throw new Error(args.join(' '));
    },
  };
  const vega = compile(spec as TopLevelSpec, { logger }).spec as Record<string, Json>;
  return { vega, warnings };
}

/** Every value of `key` anywhere in a spec (axes, legends, ... nest in groups). */
export function collect(node: Json, key: string, out: Json[] = []): Json[] {
  if (Array.isArray(node)) for (const item of node) collect(item, key, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(...(Array.isArray(v) ? v : [v]));
      collect(v, key, out);
    }
  }
  return out;
}

/** The distinct titles of a list of axes or legends, sorted, without the untitled ones. */
export const titles = (items: Json[]): Json[] =>
  [...new Set(items.map((item) => (item as { title?: Json }).title))].filter((t) => t !== undefined && t !== null).sort();
