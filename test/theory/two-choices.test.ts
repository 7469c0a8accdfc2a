// Two choices against the supermarket model (Mitzenmacher 2001): one sender, zero transport costs,
// 100 single-thread instances, exponential 1 s handlers, Poisson arrivals at utilisation 0.8, an
// acknowledgement per message. Then the unacknowledged count the sender compares is each instance's
// number in system, and the mean time in system is close to the model's many-instance limit,
// sum over i >= 1 of 0.8^(2^i - 2) = 1.947 s (at 100 instances it is a little higher, about 1.96 s),
// far below random choice's M/M/1 value 1 / (1 - 0.8) = 5 s. Several seeds, a warm-up dropped.
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../sim/metrics/results.js';
import { twoChoices } from '../../sim/model/strategies/two-choices.js';
import { formatProblem, loadScenarioText } from '../../sim/scenario/index.js';
import { mean, run, summaryOf } from '../helpers.js';

const SEEDS = [1, 2, 3];
const N = 100;
const RHO = 0.8;

function scenario(seed: number): string {
  const machines = Array.from({ length: N }, (_, i) => `w${i + 1}: {}`).join(', ');
  const instances = Array.from({ length: N }, (_, i) => `{ machine: w${i + 1} }`).join(', ');
  return `name: two-choices-theory
seed: ${seed}
stop: { messages: 150000 }
warmup: { messages: 20000 }
transport: { operation: 0ms, network: 0ms }
machines: { client: {}, ${machines} }
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: exponential(1s) } }
    instances: [ ${instances} ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: poisson(${N * RHO}/s) } ] }
strategies:
  two-choices: { kind: two-choices }
  random: { kind: random }
`;
}

/** Mean time in system (s): wait in queue plus service. */
function timeInSystem(result: ScenarioResult, strategy: string): number {
  const s = summaryOf(result, strategy);
  return (s.wait_mean_ms + s.service_mean_ms) / 1000;
}

describe('two choices: the supermarket model', () => {
  let results: ScenarioResult[] = [];

  it('runs several seeds', async () => {
    results = await Promise.all(
      SEEDS.map((seed) => {
        const loaded = loadScenarioText(scenario(seed), 'test/theory/two-choices.yaml');
        if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
        return run(loaded.scenario);
      }),
    );
    for (const r of results) for (const s of r.runs) expect(s.summary.measured).toBe(130_000);
  }, 120_000);

  it("the definition's theory is the many-instance limit, 1.947 s in system", () => {
    const prediction = twoChoices.theory?.({ threads: N, instances: N, singleThreads: true, senders: 1, lambda: (N * RHO) / 1000, mu: 1 / 1000 });
    expect(prediction?.model).toBe('supermarket(2)');
    expect(((prediction?.waitMs ?? NaN) + 1000) / 1000).toBeCloseTo(1.947, 3);
  });

  it('mean time in system within 3% of 1.96 s over the seeds, against random choice near 5 s', () => {
    const two = mean(results.map((r) => timeInSystem(r, 'two-choices')));
    const random = mean(results.map((r) => timeInSystem(r, 'random')));
    expect(Math.abs(two - 1.96) / 1.96, `two choices ${two.toFixed(3)} s`).toBeLessThan(0.03);
    expect(Math.abs(random - 5) / 5, `random ${random.toFixed(3)} s`).toBeLessThan(0.08);
  });

  it('balances the ledger and drains in every run', () => {
    for (const r of results) {
      const s = summaryOf(r, 'two-choices');
      expect(s.completed).toBe(s.sent);
      expect(s.queued_at_end + s.in_flight_at_end + s.lost).toBe(0);
    }
  });
});
