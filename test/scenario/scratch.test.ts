import { it } from 'vitest';
import { loadScenarioFile, formatProblem } from '../../sim/scenario/index.js';
it('scratch', () => {
  for (const f of ['empirical', 'empirical-bad', 'minimal', 'binary', 'latin1', 'empty', 'nope']) {
    const r = loadScenarioFile(`test/fixtures/scenarios/${f}.yaml`);
    if (!r.ok) console.log(r.problems.map(formatProblem).join('\n')); else console.log(JSON.stringify(r.scenario));
  }
});
