// Step 2 of loading: YAML text -> plain data plus a map back to positions. Syntax errors (including
// duplicate keys) end the pipeline here: structure cannot be judged in a half-read document.

import { LineCounter, parseAllDocuments, isCollection, isScalar, isMap, isNode, isPair, isSeq, parseDocument, visit, type Document } from 'yaml';
import { describeValue } from './describe.js';
import { formatPath, type Segment } from './problem.js';
import type { ProblemList } from './problem-list.js';
import { SourceMap, keyText } from './source-map.js';

export type ParsedYaml =
  | { readonly ok: true; readonly data: Record<string, unknown>; readonly source: SourceMap }
  | { readonly ok: false };

// The tags of plain data. Others (!!binary, !!set, !!timestamp, custom !tags) would turn into values
// the schema cannot describe.
export const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export function parseYaml(text: string, problems: ProblemList): ParsedYaml {
  const lines = new LineCounter();
  // logLevel 'silent': the library must never print; everything it finds comes back in errors/warnings.
  // Duplicate keys are found here (checkUniqueKeys), in linear time: the library's own check compares
  // every key with every other, minutes for a mapping of 10,000 machines.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, logLevel: 'silent' });
  const before = problems.size;
  // Warnings (such as an unknown `!tag`) count too: a scenario has no use for YAML's extensions.
  for (const issue of [...doc.errors, ...doc.warnings]) {
    const pos = lines.linePos(issue.pos[0]);
    const dup = issue.code === 'DUPLICATE_KEY' ? findKeyAt(doc, issue.pos[0]) : undefined;
    if (dup !== undefined) {
      problems.add(pos, formatPath(dup.path), `has duplicate key ${JSON.stringify(dup.key)}: each key may appear only once in a mapping`);
    } else {
      problems.add(pos, '', `YAML syntax error: ${issue.message}`);
    }
  }
  if (problems.size === before) checkUniqueKeys(doc, lines, problems);
  if (problems.size === before) checkOneDocument(text, lines, problems);
  if (problems.size === before) checkPlainData(doc, lines, problems);
  if (problems.size > before) return { ok: false };

  const source = new SourceMap(doc, lines);
  if (!isMap(doc.contents)) {
    const pos = source.valuePos([]);
    if (doc.contents === null) problems.add(pos, '', 'has no scenario in it, only comments');
    else problems.add(pos, '', `the top level must be a mapping of scenario keys (name, stop, machines, ...), got ${describeValue(doc.contents.toJSON())}`);
    return { ok: false };
  }
  try {
    return { ok: true, data: doc.toJS() as Record<string, unknown>, source };
  } catch (err) {
    // toJS refuses documents that expand aliases excessively (a "billion laughs" file).
    problems.add({ line: 1, col: 1 }, '', `cannot be read as YAML: ${(err as Error).message}`);
    return { ok: false };
  }
}

/** Each key at most once per mapping (compared as the scalars' values, as the library does). */
function checkUniqueKeys(doc: Document, lines: LineCounter, problems: ProblemList): void {
  visit(doc, {
    Map(_, map, ancestors) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const node = pair.key as { range?: readonly number[] | null };
        problems.add(lines.linePos(node.range?.[0] ?? 0), formatPath(pathOf(ancestors, map)), `has duplicate key ${JSON.stringify(keyText(pair.key))}: each key may appear only once in a mapping`);
      }
    },
  });
}

/** A second document (after a `---` line) would be silently ignored: it is a problem. */
function checkOneDocument(text: string, lines: LineCounter, problems: ProblemList): void {
  if (!/^(---|\.\.\.)/m.test(text)) return;
  const docs = parseAllDocuments(text, { logLevel: 'silent' });
  const all = Array.isArray(docs) ? docs : [];
  if (all.length > 1) {
    problems.add(lines.linePos(all[1].range[0]), '', `has ${all.length} YAML documents (separated by ---): a scenario file holds exactly one`);
  }
}

/** Keys that are lists or mappings, and tags beyond plain data, are problems. */
function checkPlainData(doc: Document, lines: LineCounter, problems: ProblemList): void {
  const at = (node: { range?: readonly number[] | null }) => lines.linePos(node.range?.[0] ?? 0);
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (isCollection(pair.key)) {
        problems.add(at(pair.key), formatPath(pathOf(ancestors, pair)), 'has a key that is a list or mapping; keys must be plain names');
      }
    },
    Node(_, node, ancestors) {
      if (node.tag !== undefined && !PLAIN_TAGS.has(node.tag)) {
        const tag = node.tag.replace('tag:yaml.org,2002:', '!!');
        problems.add(at(node), formatPath(pathOf(ancestors, node)), `uses the YAML tag ${tag}, which scenarios do not support; remove it`);
      }
    },
  });
}

/** The mapping key starting at `offset`, and the path of the mapping holding it. */
function findKeyAt(doc: Document, offset: number): { key: string; path: Segment[] } | undefined {
  let found: { key: string; path: Segment[] } | undefined;
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isNode(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      found = { key: keyText(pair.key), path: pathOf(ancestors, pair) };
      return visit.BREAK;
    },
  });
  return found;
}

/** The scenario path of the node or pair `last`, whose ancestors (document first) are given. */
function pathOf(ancestors: readonly unknown[], last: unknown): Segment[] {
  const path: Segment[] = [];
  ancestors.forEach((node, i) => {
    if (isPair(node)) path.push(keyText(node.key));
    else if (isSeq(node)) path.push(node.items.indexOf((ancestors[i + 1] ?? last) as never));
  });
  return path;
}
