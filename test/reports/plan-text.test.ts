import { describe, expect, it } from 'vitest';
import type { SweepRun } from '../../sim/metrics/results.js';
import { formatPlan, formatMilliseconds as ms } from '../../sim/reports/index.js';
import { COUNT, sweepFixture, sweepFrom } from './sweep-fixture.js';

const RATE = 'senders.web.sends[0].arrivals.rate';

/** The fixture's runs at a second parameter, the load: the same runs at 8/s, and slower ones at 12/s. */
function withLoad(): ReturnType<typeof sweepFixture> {
  const fixture = sweepFixture();
  const runs: SweepRun[] = [];
  for (const [i, rate] of [8, 12].entries()) {
    for (const r of fixture.runs) {
      const copy = structuredClone(r);
      copy.point = r.point * 2 + i;
      copy.values = [...r.values, rate];
      if (rate === 12) copy.run.summary.latency_p99_ms *= 2;
      runs.push(copy);
    }
  }
  runs.sort((a, b) => a.point - b.point || a.replication - b.replication);
  return sweepFrom(fixture.scenario, [COUNT, RATE], runs);
}

describe('formatPlan', () => {
  it('gives one line per strategy: the answer with bound and margin, or the best point', () => {
    expect(formatPlan(sweepFixture())).toBe(
      'distributor: 3 workers (endpoints.Sales.instances.count) keep latency_p99 <= 2000 ms: 1500 ms (95% upper bound 1748 ms, margin 252 ms)\n' +
        'round-robin: no swept value keeps latency_p99 <= 2000 ms (best: 3 workers, 2000 ms, 95% upper bound 2248 ms)\n',
    );
  });

  it('names the other parameters of each line, with their units', () => {
    expect(formatPlan(withLoad())).toBe(
      'distributor at senders.web.sends[0].arrivals.rate = 8/s: 3 workers (endpoints.Sales.instances.count) keep latency_p99 <= 2000 ms: 1500 ms (95% upper bound 1748 ms, margin 252 ms)\n' +
        'distributor at senders.web.sends[0].arrivals.rate = 12/s: no swept value keeps latency_p99 <= 2000 ms (best: 3 workers, 3000 ms, 95% upper bound 3497 ms)\n' +
        'round-robin at senders.web.sends[0].arrivals.rate = 8/s: no swept value keeps latency_p99 <= 2000 ms (best: 3 workers, 2000 ms, 95% upper bound 2248 ms)\n' +
        'round-robin at senders.web.sends[0].arrivals.rate = 12/s: no swept value keeps latency_p99 <= 2000 ms (best: 3 workers, 4000 ms, 95% upper bound 4497 ms)\n',
    );
  });

  it('says so when a single replication gives no confidence interval', () => {
    const fixture = sweepFixture();
    const single = sweepFrom(fixture.scenario, fixture.parameters, fixture.runs.filter((r) => r.replication === 0));
    expect(formatPlan(single)).toBe(
      'distributor: 3 workers (endpoints.Sales.instances.count) keep latency_p99 <= 2000 ms: 1400 ms (1 replication, no confidence interval; margin 600 ms)\n' +
        'round-robin: 3 workers (endpoints.Sales.instances.count) keep latency_p99 <= 2000 ms: 1900 ms (1 replication, no confidence interval; margin 100 ms)\n',
    );
  });

  it('words a parameter that is not a count as "path = value unit"', () => {
    const fixture = sweepFixture();
    const mean = 'endpoints.Sales.handlers.PlaceOrder.duration.mean';
    for (const r of fixture.runs) r.values = [r.values[0] * 100];
    const text = formatPlan(sweepFrom(fixture.scenario, [mean], fixture.runs));
    expect(text.split('\n')[0]).toBe(
      `distributor: ${mean} = 300 ms keeps latency_p99 <= 2000 ms: 1500 ms (95% upper bound 1748 ms, margin 252 ms)`,
    );
    expect(text.split('\n')[1]).toBe(`round-robin: no swept value keeps latency_p99 <= 2000 ms (best: ${mean} = 300 ms, 2000 ms, 95% upper bound 2248 ms)`);
  });

  it('says whether the SLA is met when nothing was swept', () => {
    const fixture = sweepFixture();
    const runs = fixture.runs.filter((r) => r.point === 1).map((r) => ({ ...r, point: 0, values: [] }));
    expect(formatPlan(sweepFrom(fixture.scenario, [], runs))).toBe(
      'distributor meets latency_p99 <= 2000 ms: 1500 ms (95% upper bound 1748 ms, margin 252 ms)\n' +
        'round-robin does not meet latency_p99 <= 2000 ms: 2000 ms (95% upper bound 2248 ms, 248 ms over)\n',
    );
  });

  it('is empty without an SLA', () => {
    const fixture = sweepFixture();
    expect(formatPlan({ ...fixture, plan: [] })).toBe('');
  });

  it('writes milliseconds to a sensible precision', () => {
    expect([1480.4, 99.94, 12.34, 3.456, 0, -0.001, NaN].map(ms)).toEqual(['1480 ms', '99.9 ms', '12.3 ms', '3.46 ms', '0 ms', '0 ms', '- ms']);
  });
});
