// The paths a variant names its overrides with: the notation problems print (problem.ts formatPath),
// read back. Dots between mapping keys, [i] for list items, ["key"] (a JSON string) for a key with
// dots, spaces or brackets: `endpoints.Sales.instances[0].threads`, `machines["web.1"].cores`; and [*]
// for every item of a list or every key of a mapping: `endpoints.Sales.instances[*].threads`.

import { ANY, type PathStep } from './path-pattern.js';

const KEY = /[^.[\]\s"]+/y;
const INDEX = /\[(\d+)\]/y;
const QUOTED_KEY = /\[("(?:[^"\\]|\\.)*")\]/y;

const HOW = 'write dots between keys, [0] for a list item and [*] for every item, e.g. endpoints.Sales.instances[0].threads, and quote a key with dots or spaces: machines["web.1"]';

/** The segments of `text`, or a message saying why it is not a path. */
export function parsePath(text: string): PathStep[] | string {
  const bad = (detail: string) => `is not a valid path: ${detail}; ${HOW}`;
  if (text === '') return bad('it is empty');
  const path: PathStep[] = [];
  let i = 0;
  while (i < text.length) {
    const shown = `${JSON.stringify(text[i])} at character ${i + 1}`;
    if (text.startsWith('[*]', i)) {
      path.push(ANY);
      i += 3;
      continue;
    }
    if (text[i] === '[') {
      const item = match(INDEX, text, i) ?? match(QUOTED_KEY, text, i);
      if (item === undefined) return bad(`${shown} starts neither a list item such as [0] or [*] nor a quoted key such as ["web.1"]`);
      const segment = /^\d+$/.test(item.group) ? Number(item.group) : jsonString(item.group);
      if (segment === undefined) return bad(`${shown} starts a quoted key that is not a valid JSON string`);
      path.push(segment);
      i = item.end;
      continue;
    }
    if (path.length > 0) {
      if (text[i] !== '.') return bad(`expected "." or "[" before ${shown}`);
      i += 1;
    }
    const key = match(KEY, text, i);
    if (key === undefined) {
      return bad(i < text.length ? `expected a key at character ${i + 1}, got ${JSON.stringify(text[i])}` : 'it ends with "."');
    }
    path.push(key.group);
    i = key.end;
  }
  return path;
}

function jsonString(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined; // a bad escape such as \q
  }
}

/** The sticky `pattern` at `at`: its first group (or the whole match) and where it ends. */
function match(pattern: RegExp, text: string, at: number): { group: string; end: number } | undefined {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m === null ? undefined : { group: m[1] ?? m[0], end: pattern.lastIndex };
}
