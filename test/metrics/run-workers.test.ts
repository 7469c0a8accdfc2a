// One run's strategies and variants on worker threads: the same results, in the same order, as one thread.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/metrics/run.js';
import { runScenarioOnWorkers } from '../../sim/metrics/sweep.js';
import { formatProblem, loadScenarioFile } from '../../sim/scenario/index.js';

describe('runScenarioOnWorkers', () => {
  it('gives results identical to one thread, strategies and variants in scenario order', async () => {
    const loaded = loadScenarioFile('scenarios/theory-check.yaml', { set: ['stop.messages=3000', 'warmup.messages=300'] });
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const base = loaded.scenario;
    const variants = [
      { name: 'slow', overrides: {}, scenario: { ...base, seed: 5 } },
      { name: 'fast', overrides: {}, scenario: { ...base, seed: 6 } },
    ];
    const one = await runScenario(base, { variants });
    const two = await runScenarioOnWorkers(base, { variants, workers: 2 });
    expect(two.runs.map((r) => `${r.summary.variant}/${r.summary.strategy}`)).toEqual(one.runs.map((r) => `${r.summary.variant}/${r.summary.strategy}`));
    expect(two.runs).toHaveLength(8);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  }, 120_000);
});
