// The closed form a run's setup fits, and what it predicts, to stand beside the simulated numbers.
// It fits when the endpoint is one queueing system of theory: one endpoint and one Poisson stream,
// exponential IO-bound handlers on identical instances, no failures, no faults. Transport costs are
// not in the formulas: with them the simulation shows what the textbook leaves out, and a large gap
// is flagged rather than hidden.
import type { Scenario, StrategySpec } from '../model/scenario-types.js';
import { definitionOf } from '../model/strategies/registry.js';

export interface TheoryColumns {
  theory_model: string;
  theory_wait_mean_ms: number;
  theory_utilisation: number;
  theory_flag: string;
}

/** The prediction for `strategy` on `scenario`, and whether `simulatedWaitMs` disagrees with it. */
export function theoryOverlay(scenario: Scenario, strategy: StrategySpec, simulatedWaitMs: number): TheoryColumns {
  const none: TheoryColumns = { theory_model: '', theory_wait_mean_ms: NaN, theory_utilisation: NaN, theory_flag: '' };
  const sends = scenario.senders.flatMap((s) => s.sends);
  if (scenario.endpoints.length !== 1 || sends.length !== 1) return none;
  const [endpoint] = scenario.endpoints;
  const [send] = sends;
  const handler = endpoint.handlers.find((h) => h.message === send.message);
  if (!handler || send.publish) return none;
  const threads = endpoint.instances.reduce((n, i) => n + i.threads, 0);
  const meanMs = distributionMean(handler.duration);
  const lambda = send.arrivals.ratePerSecond / 1000; // per ms
  const utilisation = (lambda * meanMs) / threads;
  const fits =
    send.arrivals.kind === 'poisson' &&
    handler.duration.kind === 'exponential' &&
    !handler.cpuBound &&
    handler.failureProbability === 0 &&
    scenario.faults.length === 0 &&
    endpoint.instances.every((i) => i.speed === 1 && i.addedAtMs === 0 && i.removedAtMs === undefined);
  if (!fits) return { ...none, theory_utilisation: utilisation };
  // Which closed form fits (if any) is the strategy kind's own (its definition in sim/model/strategies/).
  const prediction = definitionOf(strategy).theory?.({
    threads,
    instances: endpoint.instances.length,
    singleThreads: endpoint.instances.every((i) => i.threads === 1),
    senders: scenario.senders.length,
    lambda,
    mu: 1 / meanMs,
  }, strategy);
  const model = prediction?.model ?? '';
  const wait = prediction?.waitMs ?? NaN;
  if (model === '') return { ...none, theory_utilisation: utilisation };
  const gap = Math.abs(simulatedWaitMs - wait);
  const disagrees = !Number.isFinite(wait) || (gap > 0.25 * wait && gap > 5);
  return { theory_model: model, theory_wait_mean_ms: wait, theory_utilisation: utilisation, theory_flag: disagrees ? 'disagrees' : '' };
}

function distributionMean(d: Scenario['endpoints'][number]['handlers'][number]['duration']): number {
  switch (d.kind) {
    case 'constant': return d.value;
    case 'exponential': return d.mean;
    case 'uniform': return (d.min + d.max) / 2;
    case 'erlang': return d.mean;
    case 'lognormal': return d.mean;
    case 'empirical': return d.samples.reduce((a, b) => a + b, 0) / d.samples.length;
  }
}
