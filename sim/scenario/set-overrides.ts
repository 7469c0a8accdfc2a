// `--set path=value` options of the command line: each replaces the value at a path of the scenario
// as written, before it is checked, the way a variant's override does (the path is written the same
// way, and the value as YAML: `threads=4`, `transport.operation=2ms`, `sweep=null`). Later options win.
// Problems point into the option: `--set:<n>:<col>`, n counting the --set options from 1 and col the
// column inside `path=value`, so they print like any problem in the scenario file.

import { LineCounter, isCollection, parseDocument, visit } from 'yaml';
import { type Data, isData } from './build-context.js';
import { type PathStep, expandPath, formatPattern, hasWildcard, replaceEach } from './path-pattern.js';
import type { Segment } from './problem.js';
import type { Position, ProblemList } from './problem-list.js';
import { type Positions, SourceMap } from './source-map.js';
import { targetOf } from './sweep-paths.js';
import { OverlayPositions, type Override } from './variant-overlay.js';
import { parsePath } from './variant-path.js';
import { PLAIN_TAGS } from './yaml-document.js';

/** The "file" of problems in --set options. */
export const SET_FILE = '--set';

const EXAMPLE = 'endpoints.Sales.instances[0].threads=4';

/**
 * `data` with every option applied in order, and positions that point into the options for what they
 * wrote; undefined when an option is malformed, names no value or has a value that is not YAML (each
 * reported): a half-applied set would be judged on values the user did not mean.
 */
export function applySets(data: Data, source: Positions, sets: readonly string[], problems: ProblemList): { data: Data; source: Positions } | undefined {
  let current: unknown = data;
  const overrides: Override[] = [];
  let ok = true;
  sets.forEach((text, i) => {
    const line = i + 1;
    const at = (col: number): Position => ({ file: SET_FILE, line, col });
    const eq = findEquals(text);
    if (eq < 0) {
      problems.add(at(1), '', `must be path=value, e.g. ${EXAMPLE}, got ${JSON.stringify(text)}`);
      ok = false;
      return;
    }
    const pathText = text.slice(0, eq).trim();
    const path = parsePath(pathText);
    if (typeof path === 'string') {
      problems.add(at(1), pathText, path);
      ok = false;
      return;
    }
    const valueCol = eq + 2;
    const value = parseValue(text.slice(eq + 1));
    if (!value.ok) {
      problems.add(at(valueCol + value.offset), pathText, value.message);
      ok = false;
      return;
    }
    const paths = expandPath(current, path);
    const result = typeof paths === 'string' ? paths : replaceEach(current, paths, value.value);
    if (typeof result === 'string') {
      problems.add(at(1), pathText, `${result}${sweepOnly(path, text.slice(eq + 1))}`);
      ok = false;
      return;
    }
    current = result.data;
    for (const p of paths as Segment[][]) overrides.push({ path: p, source: [], positions: new SetPositions(value.source, line, valueCol) });
  });
  if (!ok || !isData(current)) return undefined;
  return { data: current, source: new OverlayPositions(source, overrides) };
}

/** For `endpoints.Sales.instances.count=4` and the like: how to set one value of a sweep-only path. */
function sweepOnly(path: readonly PathStep[], valueText: string): string {
  if (hasWildcard(path) || targetOf(path as Segment[]).kind === 'plain') return '';
  const last = String(path[path.length - 1]);
  return `; .${last} is a sweep path: for one value, set sweep={${JSON.stringify(formatPattern(path))}: [${valueText.trim()}]}`;
}

/** The first "=" outside a quoted key (`machines["a=b"].cores=2`), or -1. */
function findEquals(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === '=') {
      return i;
    }
  }
  return -1;
}

type ParsedValue = { readonly ok: true; readonly value: unknown; readonly source: SourceMap } | { readonly ok: false; readonly offset: number; readonly message: string };

/** The value as YAML (a scalar, or a flow list or mapping), with its positions. */
function parseValue(text: string): ParsedValue {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'silent' });
  const issue = [...doc.errors, ...doc.warnings][0];
  if (issue !== undefined) return { ok: false, offset: issue.pos[0], message: `value is not valid YAML: ${issue.message.split('\n')[0]}` };
  let bad: ParsedValue | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        bad = { ok: false, offset: pair.key.range?.[0] ?? 0, message: 'value has a key that is a list or mapping; keys must be plain names' };
        return visit.BREAK;
      }
      return undefined;
    },
    Node(_, node) {
      if (node.tag === undefined || PLAIN_TAGS.has(node.tag)) return undefined;
      const tag = node.tag.replace('tag:yaml.org,2002:', '!!');
      bad = { ok: false, offset: node.range?.[0] ?? 0, message: `value uses the YAML tag ${tag}, which scenarios do not support; remove it` };
      return visit.BREAK;
    },
  });
  if (bad !== undefined) return bad;
  try {
    return { ok: true, value: doc.toJS(), source: new SourceMap(doc, lines) };
  } catch (err) {
    return { ok: false, offset: 0, message: `value cannot be read as YAML: ${(err as Error).message}` };
  }
}

/** Positions inside one --set option's value: its own line n, columns shifted to where the value starts. */
class SetPositions implements Positions {
  constructor(
    private readonly value: SourceMap,
    private readonly line: number,
    private readonly col: number,
  ) {}

  valuePos(path: readonly Segment[]): Position {
    return this.shift(this.value.valuePos(path));
  }

  keyPos(path: readonly Segment[]): Position {
    return this.shift(this.value.keyPos(path));
  }

  keys(path: readonly Segment[]): string[] | undefined {
    return this.value.keys(path);
  }

  private shift(pos: Position): Position {
    // A value over several lines is rare on a command line: its later lines point at its start.
    return { file: SET_FILE, line: this.line, col: this.col + (pos.line === 1 ? pos.col - 1 : 0) };
  }
}
