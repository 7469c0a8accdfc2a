import { it } from 'vitest';
import { loadScenarioText, formatProblem } from '../../sim/scenario/index.js';
const cases = [
`stop:
machines:
  2: {}
  1:
endpoints:
  Sales:
senders:
  S: &s
    machine: 3
    sends:
      - { message: A, to: Sales, arrivals: poisson(1/s) }
  T: *s
strategies:
  threads: { kind: random }
  threads: { kind: random }
`,
`name: "abc
stop: 1
`,
`\uFEFFstop: { duration: 10m }
warmup: { duration: 10m }
machines: { a: }
endpoints: { E: { handlers: { M: { duration: "lognormal(200ms, 100ms)" } }, instances: [ { machine: a }, { machine: a }, {machine: a, name: a-2} ] } }
senders: { S: { machine: a, sends: [ { message: M, to: E, arrivals: constant(1/h) } ] } }
strategies: { s: { kind: shared-queue } }
`,
];
it('scratch', () => {
  for (const c of cases) {
    const r = loadScenarioText(c, 'dir/x.yaml');
    if (!r.ok) console.log(r.problems.map(formatProblem).join('\n')); else console.log(JSON.stringify(r.scenario));
  }
});
