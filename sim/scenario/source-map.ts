// From a path in the parsed scenario (`endpoints`, `Sales`, `instances`, 1, `threads`) back to the
// line and column in the YAML text, so every problem can point at what the user wrote.

import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { Position } from './problem-list.js';
import type { Segment } from './problem.js';

type YamlNode = { range?: readonly number[] | null } | null | undefined;

interface Found {
  /** The node at the path, or at its deepest existing ancestor. */
  readonly node: YamlNode;
  /** The mapping key holding `node`, when `node` is a mapping value. */
  readonly key: YamlNode;
  /** Whether the whole path was found. */
  readonly complete: boolean;
}

/** How a mapping key node is spelt after parsing, the same as the property name in the plain data. */
export function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return String(key);
}

/**
 * Where things are in the text, by scenario path. SourceMap answers for a YAML document; a variant's
 * overlay (variant-overlay.ts) answers for the scenario a variant makes, pointing into its overrides.
 */
export interface Positions {
  /** Where the value at `path` starts. */
  valuePos(path: readonly Segment[]): Position;
  /** Where the key holding the value at `path` starts. */
  keyPos(path: readonly Segment[]): Position;
  /** The keys of the mapping at `path` in the order written, or undefined when unknown. */
  keys(path: readonly Segment[]): string[] | undefined;
}

export class SourceMap implements Positions {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Where the value at `path` starts; an empty value (`key:` with nothing after) points at its key. */
  valuePos(path: readonly Segment[]): Position {
    const found = this.find(path);
    if (isEmpty(found.node) && found.key) return this.pos(found.key);
    return this.pos(found.node ?? found.key);
  }

  /** Where the key holding the value at `path` starts (for an unknown key), else where the value does. */
  keyPos(path: readonly Segment[]): Position {
    const found = this.find(path);
    if (found.complete && found.key) return this.pos(found.key);
    return this.valuePos(path);
  }

  /** The keys of the mapping at `path` in the order written (plain objects reorder numeric keys). */
  keys(path: readonly Segment[]): string[] | undefined {
    const found = this.find(path);
    if (!found.complete || !isMap(found.node)) return undefined;
    return found.node.items.map((pair) => keyText(pair.key));
  }

  private find(path: readonly Segment[]): Found {
    let node: unknown = this.resolve(this.doc.contents);
    let key: unknown = undefined;
    for (const seg of path) {
      let next: unknown = undefined;
      let nextKey: unknown = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(seg));
        if (pair) {
          next = pair.value;
          nextKey = pair.key;
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
      }
      // A key with no value at all (`? key`) has a pair but no value node: stop at the key.
      if (next === undefined || next === null) {
        if (nextKey) return { node: nextKey as YamlNode, key: nextKey as YamlNode, complete: true };
        return { node: node as YamlNode, key: key as YamlNode, complete: false };
      }
      node = this.resolve(next);
      key = nextKey;
    }
    return { node: node as YamlNode, key: key as YamlNode, complete: true };
  }

  /** An alias (`*name`) stands for its anchored node; positions inside it point at the anchor. */
  private resolve(node: unknown): unknown {
    return isAlias(node) ? (node.resolve(this.doc) ?? node) : node;
  }

  private pos(node: YamlNode): Position {
    const offset = node?.range?.[0];
    if (offset === undefined) return { line: 1, col: 1 };
    return this.lines.linePos(offset);
  }
}

function isEmpty(node: YamlNode): boolean {
  if (node === null || node === undefined) return true;
  if (isCollection(node)) return false;
  const range = node.range;
  return !range || range[0] === range[1];
}
