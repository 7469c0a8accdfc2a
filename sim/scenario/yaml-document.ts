// Step 2 of loading: YAML text -> plain data plus a map back to positions. Syntax errors (including
// duplicate keys) end the pipeline here: structure cannot be judged in a half-read document.

import { LineCounter, isMap, parseDocument, type YAMLError } from 'yaml';
import { describeValue } from './describe.js';
import type { ProblemList } from './problem-list.js';
import { SourceMap } from './source-map.js';

export type ParsedYaml =
  | { readonly ok: true; readonly data: Record<string, unknown>; readonly source: SourceMap }
  | { readonly ok: false };

export function parseYaml(text: string, problems: ProblemList): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  // Warnings (such as an unknown `!tag`) count too: a scenario has no use for YAML's extensions.
  const issues = [...doc.errors, ...doc.warnings];
  for (const issue of issues) problems.add(lines.linePos(issue.pos[0]), '', yamlMessage(issue, text));
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

function yamlMessage(issue: YAMLError, text: string): string {
  if (issue.code === 'DUPLICATE_KEY') {
    const key = text.slice(issue.pos[0], issue.pos[1]);
    return `duplicate key ${JSON.stringify(key)}: each key may appear only once in a mapping`;
  }
  return `YAML syntax error: ${issue.message}`;
}
