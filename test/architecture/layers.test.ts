// Layers import downward only: engine <- model <- metrics <- reports <- CLI (STYLE.md).
// random sits beside the engine; scenario loading sits between the model and metrics.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS: Record<string, number> = {
  engine: 0,
  random: 0,
  theory: 0,
  model: 1,
  scenario: 2,
  metrics: 3,
  reports: 4,
  distributed: 4.5,
  cli: 5,
  playground: 5,
  bench: 5,
};

/** Every relative import of a file (type-only, re-exports and dynamic imports included), as source paths. */
function importsOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\s)(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)) {
    const target = path.normalize(path.join(path.dirname(file), match[1] ?? match[2]));
    const candidate = [target.replace(/\.js$/, '.ts'), `${target}.ts`, path.join(target, 'index.ts')].find((c) => known.has(c));
    if (candidate) found.push(candidate);
  }
  return found;
}

/** The import circles of a graph: its strongly connected components of more than one file, or a file importing itself. */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Folders (and files) of sim/model/ the kernel must not import: it knows no process. */
const ABOVE_THE_KERNEL = ['processes', 'strategies', 'faults', 'build', 'dispatch.ts'].map((p) => path.join('sim', 'model', p));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('architecture', () => {
  const files = sourceFiles('sim');

  it('every source folder has a layer', () => {
    const folders = new Set(files.map((f) => f.split(path.sep)[1]));
    expect([...folders].filter((f) => !(f in LAYERS))).toEqual([]);
  });

  it('no file imports from a higher layer', () => {
    const violations: string[] = [];
    for (const file of files) {
      const own = file.split(path.sep)[1];
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = path.normalize(path.join(path.dirname(file), match[1])).split(path.sep)[1];
        if (LAYERS[target] > LAYERS[own]) violations.push(`${file} imports ${match[1]} (${own} -> ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('source files stay small (split a file past 300 lines)', () => {
    const long = files.filter((f) => readFileSync(f, 'utf8').split('\n').length > 330);
    expect(long).toEqual([]);
  });

  it('has no import circle, type-only imports included', () => {
    const known = new Set(files);
    const graph = new Map(files.map((f) => [f, importsOf(f, known)]));
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']]]);
    expect(circles(graph).map((c) => c.join(' '))).toEqual(['a b c', 'e']);
  });

  it('the model kernel imports no process, strategy, fault or dispatch', () => {
    const known = new Set(files);
    const kernel = files.filter((f) => f.startsWith(path.join('sim', 'model', 'kernel') + path.sep));
    expect(kernel.length).toBeGreaterThan(0);
    const violations = kernel.flatMap((f) =>
      importsOf(f, known)
        .filter((t) => ABOVE_THE_KERNEL.some((p) => t === p || t.startsWith(p + path.sep)))
        .map((t) => `${f} imports ${t}`),
    );
    expect(violations).toEqual([]);
  });
});
