// The loader reads data files through the ScenarioFiles it is given: the page's bundled files load a
// scenario with an empirical(...) file without the disk, and custom strategy modules are refused with
// a clear problem at the module's line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledFiles, NO_MODULES_IN_PAGE } from '../../sim/playground/bundled-files.js';
import { loadScenarioText } from '../../sim/scenario/index.js';

const SCENARIO = `name: bundled
seed: 3
stop: { messages: 50 }
machines: { m: {} }
endpoints:
  E:
    handlers: { Work: { duration: empirical(data/durations.csv) } }
    instances: [{ machine: m }]
senders:
  S: { machine: m, sends: [{ message: Work, to: E, arrivals: poisson(5/s) }] }
strategies:
  rr: { kind: round-robin }
`;

describe('bundled files for the loader', () => {
  it('reads data files from memory, relative to the scenario, never from the disk', () => {
    const files = bundledFiles({ 'virtual/data/durations.csv': 'duration_ms\n100\n200\n300\n' });
    const loaded = loadScenarioText(SCENARIO, 'virtual/bundled.yaml', { files });
    expect(loaded.ok).toBe(true);
    const missing = loadScenarioText(SCENARIO, 'elsewhere/bundled.yaml', { files });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]).toMatchObject({ line: 7, message: expect.stringContaining('no such file in the playground') });
  });

  it('refuses custom strategy modules at the module line', () => {
    const text = readFileSync('scenarios/fair-distribution.yaml', 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('module:')) + 1;
    const loaded = loadScenarioText(text, 'scenarios/fair-distribution.yaml', { files: bundledFiles({}) });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems).toEqual([expect.objectContaining({ line, message: NO_MODULES_IN_PAGE })]);
  });
});
