// Problems found before the scenario's structure is looked at: unreadable, empty or binary files,
// YAML syntax, YAML features a scenario does not use. Also: whatever the input, the loader returns
// problems as data, never throws and never prints.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatProblem, loadScenarioFile, loadScenarioText } from '../../sim/scenario/index.js';
import { BASE, changed, problemLines } from './base-scenario.js';

const FIXTURES = 'test/fixtures/scenarios';
const F = 'scenarios/base.yaml';

function fileProblems(file: string): string[] {
  const result = loadScenarioFile(file);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('reading the file', () => {
  it('reports a missing file', () => {
    expect(fileProblems(`${FIXTURES}/no-such-file.yaml`)).toEqual([`${FIXTURES}/no-such-file.yaml:1:1: cannot read file: no such file in ${resolve(FIXTURES)}`]);
  });

  it('reports a directory', () => {
    expect(fileProblems(FIXTURES)).toEqual([`${FIXTURES}:1:1: not a regular file: it is a directory`]);
  });

  it('reports an empty or whitespace-only file', () => {
    expect(fileProblems(`${FIXTURES}/empty.yaml`)).toEqual([`${FIXTURES}/empty.yaml:1:1: file is empty`]);
    expect(problemLines('')).toEqual([`${F}:1:1: file is empty`]);
  });

  it('reports a binary file: NUL bytes, or bytes that are not UTF-8', () => {
    expect(fileProblems(`${FIXTURES}/binary.yaml`)).toEqual([`${FIXTURES}/binary.yaml:1:1: is not a text file (binary content)`]);
    expect(fileProblems(`${FIXTURES}/latin1.yaml`)).toEqual([`${FIXTURES}/latin1.yaml:1:1: is not a text file (binary content)`]);
    expect(problemLines('stop: 1\n\u0000\n')).toEqual([`${F}:1:1: is not a text file (binary content)`]);
  });

  it('reports a file with only comments', () => {
    expect(problemLines('# nothing yet\n')).toEqual([`${F}:1:1: has no scenario in it, only comments`]);
  });

  it('reports a top level that is not a mapping', () => {
    expect(problemLines('\n- a\n- b\n')).toEqual([
      `${F}:2:1: the top level must be a mapping of scenario keys (name, stop, machines, ...), got ["a","b"] (list)`,
    ]);
  });
});

describe('YAML syntax', () => {
  it('reports a syntax error at its position and stops there', () => {
    // Also threads: "two" below, which is not reported: a half-read document is not judged.
    const text = changed('    machine: client', '    machine: client: x', changed('threads: 1', 'threads: "two"'));
    expect(problemLines(text)).toEqual([`${F}:13:14: YAML syntax error: Nested mappings are not allowed in compact mappings`]);
  });

  it('reports a duplicate key with the mapping it is in', () => {
    const text = changed('    machine: client\n', '    machine: client\n    machine: worker1\n');
    expect(problemLines(text)).toEqual([`${F}:14:5: senders.Sender has duplicate key "machine": each key may appear only once in a mapping`]);
  });
});

describe('YAML beyond plain data', () => {
  it('reports tags such as !!binary', () => {
    expect(problemLines(`name: !!binary aGVsbG8=\n${BASE}`)).toEqual([`${F}:1:16: name uses the YAML tag !!binary, which scenarios do not support; remove it`]);
  });

  it('reports a key that is a list or mapping', () => {
    expect(problemLines(`? [a, b]\n: 1\n${BASE}`)).toEqual([`${F}:1:3: has a key that is a list or mapping; keys must be plain names`]);
  });

  it('reports an alias bomb without expanding it', () => {
    expect(problemLines(`a: &a [1, 2]\nb: [${Array(120).fill('*a').join(', ')}]\n`)).toEqual([
      `${F}:1:1: cannot be read as YAML: Excessive alias count indicates a resource exhaustion attack`,
    ]);
  });
});

describe('never throws', () => {
  it('turns an unreadable file into a problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-scenario-'));
    try {
      expect(fileProblems(join(dir, 'missing', 'x.yaml'))).toEqual([`${join(dir, 'missing', 'x.yaml')}:1:1: cannot read file: no such file in ${join(dir, 'missing')}`]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it.each([
    ['a scalar', 'just text'],
    ['nulls everywhere', 'stop:\nmachines:\nendpoints:\nsenders:\nstrategies:\n'],
    ['lists everywhere', 'stop: []\nmachines: [[]]\nendpoints: { E: [] }\nsenders: { S: { sends: [[], 1] } }\nstrategies: { s: [] }\n'],
    ['a self-referencing alias', 'a: &x [*x]\n'],
    ['a self-referencing alias where a value is expected', `seed: &x [*x]\n${BASE}`],
    ['a self-referencing alias in a variant', `${BASE}variants:\n  a: { "machines.client": &y { cores: *y } }\n`],
    ['variant paths that name inherited members', `${BASE}variants:\n  a: { "__proto__": 3, constructor: 1, "machines.__proto__": {}, "toString.x": 1 }\n`],
    ['an alias bomb', `a: &a [1, 2]\nb: [${Array(120).fill('*a').join(', ')}]\n`],
  ])('%s', (_, text) => {
    const result = loadScenarioText(text, 'odd.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  });
});

describe('never prints', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('loads good and bad scenarios without writing to the console or emitting warnings', () => {
    const spies = [
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'error'),
      vi.spyOn(process, 'emitWarning'),
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
    ];
    const results = [
      loadScenarioFile(`${FIXTURES}/full.yaml`),
      loadScenarioFile(`${FIXTURES}/features.yaml`),
      loadScenarioFile(`${FIXTURES}/variants.yaml`),
      loadScenarioFile(`${FIXTURES}/many-problems.yaml`),
      loadScenarioFile(`${FIXTURES}/empirical-bad.yaml`),
      // yaml itself warns on the console about collection keys when converting them to plain data.
      loadScenarioText('? [a, b]\n: 1\n', 'odd.yaml'),
      loadScenarioText('x: !foo 1\n', 'odd.yaml'),
    ];
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false, false, false]);
  });
});
