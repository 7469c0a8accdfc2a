// Step 2 of loading: YAML text -> plain data plus a map back to positions. Syntax errors (including
// duplicate keys) end the pipeline here: structure cannot be judged in a half-read document.

import { LineCounter, isMap, isNode, isPair, isSeq, parseDocument, visit, type Document } from 'yaml';
import { describeValue } from './describe.js';
import { formatPath, type Segment } from './problem.js';
import type { ProblemList } from './problem-list.js';
import { SourceMap, keyText } from './source-map.js';

export type ParsedYaml =
  | { readonly ok: true; readonly data: Record<string, unknown>; readonly source: SourceMap }
  | { readonly ok: false };

export function parseYaml(text: string, problems: ProblemList): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  // Warnings (such as an unknown `!tag`) count too: a scenario has no use for YAML's extensions.
  const issues = [...doc.errors, ...doc.warnings];
  for (const issue of issues) {
    const pos = lines.linePos(issue.pos[0]);
    if (issue.code === 'DUPLICATE_KEY') {
      const dup = findKeyAt(doc, issue.pos[0]);
      if (dup !== undefined) {
        problems.add(pos, formatPath(dup.path), `has duplicate key ${JSON.stringify(dup.key)}: each key may appear only once in a mapping`);
        continue;
      }
    }
    problems.add(pos, '', `YAML syntax error: ${issue.message}`);
  }
  if (issues.length > 0) return { ok: false };

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

/** The mapping key starting at `offset`, and the path of the mapping holding it. */
function findKeyAt(doc: Document, offset: number): { key: string; path: Segment[] } | undefined {
  let found: { key: string; path: Segment[] } | undefined;
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isNode(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      // Ancestors run from the document down to the mapping holding this pair.
      const path: Segment[] = [];
      ancestors.forEach((node, i) => {
        if (isPair(node)) path.push(keyText(node.key));
        else if (isSeq(node)) path.push(node.items.indexOf((ancestors[i + 1] ?? pair) as never));
      });
      found = { key: keyText(pair.key), path };
      return visit.BREAK;
    },
  });
  return found;
}
