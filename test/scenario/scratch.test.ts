import { it } from 'vitest';
import { loadScenarioText, formatProblem } from '../../sim/scenario/index.js';
const cases = ['just text', 'stop:\nmachines:\nendpoints:\nsenders:\nstrategies:\n', 'stop: []\nmachines: [[]]\nendpoints: { E: [] }\nsenders: { S: { sends: [[], 1] } }\nstrategies: { s: [] }\n', 'a: &x [*x]\n', 'a: &a [1,2]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n', '? [a, b]\n: 1\n', '!!binary aGVsbG8=\n', 'x: !!binary aGVsbG8=\n'];
it('scratch', () => {
  for (const c of cases) {
    const r = loadScenarioText(c, 'odd.yaml');
    console.log('---', JSON.stringify(c).slice(0, 50));
    if (!r.ok) console.log(r.problems.map(formatProblem).join('\n')); else console.log(JSON.stringify(r.scenario));
  }
});
