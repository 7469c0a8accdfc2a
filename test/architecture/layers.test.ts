// Layers import downward only: engine <- model <- metrics <- reports <- CLI (STYLE.md).
// random sits beside the engine; scenario loading sits between the model and metrics.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS: Record<string, number> = {
  engine: 0,
  random: 0,
  model: 1,
  scenario: 2,
  metrics: 3,
  reports: 4,
  distributed: 4.5,
  cli: 5,
  playground: 5,
  bench: 5,
};

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
});
