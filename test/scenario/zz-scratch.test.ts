import { it } from 'vitest';
import { loadScenarioText, loadScenarioFile, formatProblem } from '../../sim/scenario/index.js';
import { BASE, changed } from './base-scenario.js';
const lines = (text: string, set: string[]) => { const r = loadScenarioText(text, 'scenarios/base.yaml', { set }); return r.ok ? ['OK'] : r.problems.map(formatProblem); };
it('scratch', () => {
  const cases: [string, string[]][] = [
    [BASE, ['endpoints.Sales.instances[0].threads=0']],
    [BASE, ['endpoints.Sales.instances[0]={ machine: worker1, thread: 2 }']],
    [BASE, ['transport={ operation: 2 }']],
    [BASE, ['senders.Sender.machine=clinet']],
    [BASE, ['senders.Sender.sends[0].arrivals=daily(base=4/s, peak=2/s, at=12h)']],
    [BASE, ['seed=!!binary abc']],
    [BASE, ['seed={ [a]: 1 }']],
    [BASE, ['seed=a: b: c']],
    [BASE, ['transport.operation=2ms']],
    [BASE, ['endpoints.Sales.instances[3].threads=2']],
    [BASE, ['=4']],
    [BASE, ['']],
    [BASE, ['seed=1', 'endpoints.Sales.handlers.PlaceOrder.duration.mean=100ms']],
    [`seed: -1\n${BASE}`, ['endpoints.Sales.instances[0].threads=0', 'strategies.distributor.concurrency=-1']],
    [`${BASE}variants:\n  fewer: { machines: { client: {}, worker2: {} } }\n`, ['senders.Sender.machine=worker1']],
    [`${BASE}sweep:\n  "endpoints.Sales.instances[0].threads": [1, 2]\n`, ['endpoints.Sales.instances[0]={ machine: worker1, speed: 0 }']],
    [BASE, ['machines["worker1"].cores= 4', 'endpoints.Sales.handlers.PlaceOrder.duration=uniform(1ms, 2ms)']],
  ];
  for (const [t, s] of cases) { console.log('---', JSON.stringify(s)); console.log(lines(t, s).join('\n')); }
  const r = loadScenarioFile('test/fixtures/scenarios/variants.yaml', { set: ['endpoints.Sales.instances[0].threads=3'] });
  console.log(r.ok && r.scenario.endpoints[0].instances[0].threads, r.ok && r.variants.map(v => v.scenario.endpoints[0].instances[0].threads));
});
