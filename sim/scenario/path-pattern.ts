// A path with `[*]` steps: `endpoints.Sales.instances[*].threads` names the threads of every instance,
// `machines[*].cores` the cores of every machine. `[*]` stands for every item of a list or every key of
// a mapping; a pattern is expanded against the scenario into the plain paths it names, each of which
// is then set (and its problems reported) as if written out.

import { describeValue } from './describe.js';
import { isData } from './build-context.js';
import { formatPath, type Segment } from './problem.js';
import { replaceAt, valueAt } from './variant-overlay.js';

/** The `[*]` step. */
export const ANY: unique symbol = Symbol('[*]');

export type PathStep = Segment | typeof ANY;

export function hasWildcard(pattern: readonly PathStep[]): boolean {
  return pattern.includes(ANY);
}

/** The pattern as written back: `endpoints.Sales.instances[*].threads`. */
export function formatPattern(pattern: readonly PathStep[]): string {
  let out = '';
  let run: Segment[] = [];
  const flush = () => {
    const text = formatPath(run);
    out += out !== '' && text !== '' && !text.startsWith('[') ? `.${text}` : text;
    run = [];
  };
  for (const step of pattern) {
    if (step === ANY) {
      flush();
      out += '[*]';
    } else {
      run.push(step);
    }
  }
  flush();
  return out;
}

/**
 * The plain paths `pattern` names in `root`, in the order written (list items by number, mapping keys
 * as in the file), or why it names none: a `[*]` on a single value or on an empty list or mapping, or
 * a step before a `[*]` that names nothing. Steps after the last `[*]` are left for the caller to check
 * (a new key at the end is allowed, as for a plain path).
 */
export function expandPath(root: unknown, pattern: readonly PathStep[]): Segment[][] | string {
  const star = pattern.indexOf(ANY);
  if (star < 0) return [pattern as Segment[]];
  const prefix = pattern.slice(0, star) as Segment[];
  const found = valueAt(root, prefix);
  if (typeof found === 'string') return found;
  const container = found.value;
  const name = prefix.length === 0 ? 'the scenario' : formatPath(prefix);
  let items: Segment[];
  if (Array.isArray(container)) items = container.map((_, i) => i);
  else if (isData(container)) items = Object.keys(container);
  else return `unknown path: ${name} is ${container === undefined ? 'not in the scenario' : `a single value, ${describeValue(container)}`}, so [*] has no items to name`;
  if (items.length === 0) return `names nothing: ${name} is an empty ${Array.isArray(container) ? 'list' : 'mapping'}, so [*] has no items to name`;
  const out: Segment[][] = [];
  for (const item of items) {
    const rest = expandPath(root, [...prefix, item, ...pattern.slice(star + 1)]);
    if (typeof rest === 'string') return rest;
    out.push(...rest);
  }
  return out;
}

/** `root` with the value at every one of `paths` replaced by `value`, or why one of them names nothing. */
export function replaceEach(root: unknown, paths: readonly (readonly Segment[])[], value: unknown): { readonly data: unknown } | string {
  let data = root;
  for (const path of paths) {
    const out = replaceAt(data, path, value);
    if (typeof out === 'string') return out;
    data = out.data;
  }
  return { data };
}
