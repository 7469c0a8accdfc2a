// A variant is the scenario with some values replaced. Two halves here: replacing a value at a path
// (copy-on-write, so the scenario as written and every other variant are untouched, and values shared
// through YAML aliases stay shared only where they are not replaced), and positions for the result,
// which point into the override for anything at or under a replaced path and into the scenario
// elsewhere.

import { describeValue } from './describe.js';
import { isData } from './build-context.js';
import type { Position } from './problem-list.js';
import { formatPath, type Segment } from './problem.js';
import type { Positions } from './source-map.js';
import { didYouMean, listChoices } from './suggest.js';

/**
 * One replacement as applied: the path replaced, and where its value is written: at `source` in the
 * scenario file (in `variants` or `sweep`), or at `source` in `positions` (a --set option's value).
 */
export interface Override {
  readonly path: readonly Segment[];
  readonly source: readonly Segment[];
  readonly positions?: Positions;
}

/**
 * `root` with the value at `path` replaced by `value`, or why the path names nothing. Everything up
 * to the last step must exist; the last may be a new key of an existing mapping (whether the format
 * allows that key there is for the schema to say), but not a new list item.
 */
export function replaceAt(root: unknown, path: readonly Segment[], value: unknown): { readonly data: unknown } | string {
  return updateAt(root, path, () => ({ data: value }));
}

/** The value at `path` (undefined for a new key, which replaceAt could add), or why the path names nothing. */
export function valueAt(root: unknown, path: readonly Segment[]): { readonly value: unknown } | string {
  let found: unknown;
  const result = updateAt(root, path, (old) => {
    found = old;
    return { data: old };
  });
  return typeof result === 'string' ? result : { value: found };
}

/**
 * `root` with the value at `path` replaced by what `update` makes of the value there (undefined for a
 * new key), or why not: the path names nothing (as for replaceAt), or `update` says why (its message).
 */
export function updateAt(
  root: unknown,
  path: readonly Segment[],
  update: (old: unknown) => { readonly data: unknown } | string,
): { readonly data: unknown } | string {
  const step = (container: unknown, depth: number): { readonly data: unknown } | string => {
    const here = path.slice(0, depth);
    const seg = path[depth];
    const last = depth === path.length - 1;
    const name = here.length === 0 ? 'the scenario' : formatPath(here);
    if (Array.isArray(container)) {
      if (typeof seg !== 'number') return `unknown path: ${name} is a list, so ${JSON.stringify(seg)} must be an item number such as [0]`;
      if (seg >= container.length) {
        const n = container.length;
        return `unknown path: ${name} has ${n === 1 ? '1 item' : `${n} items`}, so it has no [${seg}]`;
      }
      const child = last ? update(container[seg]) : step(container[seg], depth + 1);
      if (typeof child === 'string') return child;
      const copy = [...container];
      copy[seg] = child.data;
      return { data: copy };
    }
    // An empty value (`box:`) is an empty mapping where a mapping is allowed (a machine with defaults).
    if (container === null || isData(container)) {
      const map = container ?? {};
      if (typeof seg === 'number') return `unknown path: ${name} is a mapping, not a list, so it has no [${seg}]`;
      if (!last && !Object.hasOwn(map, seg)) return `unknown path: ${name} has no ${JSON.stringify(seg)}${missingHint(seg, Object.keys(map), [...here, seg])}`;
      const child = last ? update(Object.hasOwn(map, seg) ? map[seg] : undefined) : step(map[seg], depth + 1);
      if (typeof child === 'string') return child;
      // defineProperty, not assignment: a key such as "__proto__" is data here, not the prototype.
      const copy = { ...map };
      Object.defineProperty(copy, seg, { value: child.data, enumerable: true, writable: true, configurable: true });
      return { data: copy };
    }
    return `unknown path: ${name} is a single value, ${describeValue(container)}, with nothing inside`;
  };
  return step(root, 0);
}

function missingHint(seg: string, keys: readonly string[], path: readonly Segment[]): string {
  const close = didYouMean(seg, keys);
  if (close !== '') return close;
  const has = keys.length > 0 ? ` (it has ${listChoices(keys)})` : '';
  return `${has}; to add it, override ${JSON.stringify(formatPath(path))} as a whole`;
}

/**
 * Positions in a variant's scenario (or a sweep point's, or the scenario with --set options applied),
 * from the positions of what it was made from and the overrides applied (in order).
 */
export class OverlayPositions implements Positions {
  constructor(
    private readonly file: Positions,
    private readonly overrides: readonly Override[],
  ) {}

  valuePos(path: readonly Segment[]): Position {
    const { positions, at } = this.redirect(path);
    return positions.valuePos(at);
  }

  keyPos(path: readonly Segment[]): Position {
    const { positions, at } = this.redirect(path);
    return positions.keyPos(at);
  }

  /** The keys as written, then the keys that overrides added to this mapping, in the order applied. */
  keys(path: readonly Segment[]): string[] | undefined {
    const { positions, at, after } = this.redirect(path);
    const written = positions.keys(at);
    const added: string[] = [];
    for (const o of this.overrides.slice(after)) {
      const key = o.path[path.length];
      if (o.path.length === path.length + 1 && startsWith(o.path, path) && typeof key === 'string' && !added.includes(key)) added.push(key);
    }
    if (added.length === 0) return written;
    return [...(written ?? []), ...added.filter((k) => !written?.includes(k))];
  }

  /**
   * Where the value at `path` is written: inside the last override applied at or above it (a later
   * override replaces what an earlier one wrote), else where the scenario has it. `after`: the overrides
   * applied after that one, which may have changed things below it.
   */
  private redirect(path: readonly Segment[]): { positions: Positions; at: readonly Segment[]; after: number } {
    for (let i = this.overrides.length - 1; i >= 0; i--) {
      const o = this.overrides[i];
      if (startsWith(path, o.path)) return { positions: o.positions ?? this.file, at: [...o.source, ...path.slice(o.path.length)], after: i + 1 };
    }
    return { positions: this.file, at: path, after: 0 };
  }
}

function startsWith(path: readonly Segment[], prefix: readonly Segment[]): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => seg === path[i]);
}
