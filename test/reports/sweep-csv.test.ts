import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SUMMARY_COLUMNS,
  PLAN_COLUMNS,
  PLAN_COST_COLUMNS,
  SUMMARY_METRIC_COLUMNS,
  sweepColumns,
  planCsv,
  sweepCsv,
  sweepSummaryCsv,
} from '../../sim/reports/index.js';
import { COUNT, sweepFixture, sweepFrom } from './sweep-fixture.js';

const source = readFileSync(new URL('../../sim/metrics/results.ts', import.meta.url), 'utf8');

function declaredFields(name: string): string[] {
  const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1];
  if (body === undefined) throw new Error(`interface ${name} not found in results.ts`);
  return [...body.matchAll(/^\s+(\w+)\??:/gm)].map((match) => match[1]);
}

const SUMMARY_AFTER_SEED =
  'strategy,variant,kind,sent,completed,queued_at_end,in_flight_at_end,lost,failed,retries,events_missed,measured,throughput_per_s,' +
  'latency_mean_ms,latency_p50_ms,latency_p95_ms,latency_p99_ms,latency_max_ms,wait_mean_ms,wait_p50_ms,wait_p95_ms,wait_p99_ms,' +
  'service_mean_ms,roundtrip_mean_ms,roundtrip_p99_ms,arrival_rate_per_s,in_system_mean,littles_law_in_system,utilisation,' +
  'operations,end_time_s,events,theory_model,theory_wait_mean_ms,theory_utilisation,theory_flag';

const METRICS = [
  'sent', 'completed', 'queued_at_end', 'in_flight_at_end', 'lost', 'failed', 'retries', 'events_missed', 'measured', 'throughput_per_s',
  'latency_mean_ms', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'latency_max_ms', 'wait_mean_ms', 'wait_p50_ms',
  'wait_p95_ms', 'wait_p99_ms', 'service_mean_ms', 'roundtrip_mean_ms', 'roundtrip_p99_ms', 'arrival_rate_per_s',
  'in_system_mean', 'littles_law_in_system', 'utilisation', 'operations', 'end_time_s', 'events', 'theory_wait_mean_ms',
  'theory_utilisation',
];

describe('sweep columns', () => {
  it('plan.csv has the PlanRow fields in declaration order', () => {
    expect([...PLAN_COLUMNS, ...PLAN_COST_COLUMNS]).toEqual(declaredFields('PlanRow'));
  });

  it('the summary ends with the four theory columns', () => {
    expect(SUMMARY_COLUMNS.slice(-4)).toEqual(['theory_model', 'theory_wait_mean_ms', 'theory_utilisation', 'theory_flag']);
  });

  it('the metrics are the numeric summary columns but the seed, which is what the runner averages', () => {
    expect([...SUMMARY_METRIC_COLUMNS]).toEqual(METRICS);
    expect(Object.keys(sweepFixture().aggregates[0].metrics)).toEqual(METRICS);
  });
});

describe('sweep.csv', () => {
  const lines = sweepCsv(sweepFixture()).split('\n');

  it('has point, replication, seed, the parameter, then every summary column but the (repeated) seed', () => {
    expect(lines[0]).toBe(`point,replication,seed,${COUNT},${SUMMARY_AFTER_SEED}`);
    expect(lines).toHaveLength(1 + 12 + 1);
    expect(lines.at(-1)).toBe('');
  });

  it('has one formatted row per run, in run order, NaN empty and theory columns at the end', () => {
    expect(lines[1]).toBe(
      '0,0,42,2,distributor,,distributor,1000,1000,0,0,0,0,0,0,900,8,525,350,1050,2100,4200,325,0,850,1900,200,,,8,4.2,4.2,0.8,14000,125,10000,M/M/2,355.556,0.8,',
    );
    expect(lines[6]).toBe(
      '0,2,207513562,2,round-robin,,round-robin,1000,1000,0,0,0,0,0,0,900,8.02,1050,700,2100,4200,8400,850,0,1900,4000,200,,,8,8.4,8.4,0.78,6000,125,10002,E2/M/1,390.388,0.8,disagrees',
    );
    expect(lines[9]).toBe(
      '1,1,1184602035,3,distributor,,distributor,1000,1000,0,0,0,0,0,0,900,8.01,375,250,750,1500,3000,175,0,550,1300,200,,,8,3,3,0.523333,14000,125,10101,M/M/3,37.4532,0.533333,',
    );
    expect(lines.slice(1, -1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
      '0,0,42,2,distributor',
      '0,0,42,2,round-robin',
      '0,1,1184602035,2,distributor',
      '0,1,1184602035,2,round-robin',
      '0,2,207513562,2,distributor',
      '0,2,207513562,2,round-robin',
      '1,0,42,3,distributor',
      '1,0,42,3,round-robin',
      '1,1,1184602035,3,distributor',
      '1,1,1184602035,3,round-robin',
      '1,2,207513562,3,distributor',
      '1,2,207513562,3,round-robin',
    ]);
  });

  it('gives each parameter its column, quoting a path that needs it', () => {
    const two = sweepFixture();
    const paths = [COUNT, 'senders.web.sends[0].arrivals.rate, odd'];
    for (const run of two.runs) run.values = [...run.values, 8];
    const text = sweepCsv(sweepFrom(two.scenario, paths, two.runs));
    expect(text.split('\n')[0].startsWith(`point,replication,seed,${COUNT},"senders.web.sends[0].arrivals.rate, odd",strategy,`)).toBe(true);
    expect(text.split('\n')[1].startsWith('0,0,42,2,8,distributor,')).toBe(true);
    expect(sweepColumns(paths)).toHaveLength(3 + 2 + SUMMARY_COLUMNS.length - 1);
  });

  it('still has its header with no runs', () => {
    const empty = { ...sweepFixture(), runs: [], aggregates: [], plan: [] };
    expect(sweepCsv(empty)).toBe(`point,replication,seed,${COUNT},${SUMMARY_AFTER_SEED}\n`);
  });
});

describe('sweep-summary.csv', () => {
  const lines = sweepSummaryCsv(sweepFixture()).split('\n');

  it('has point, strategy, the parameter, replications, then each metric and its _ci95', () => {
    expect(lines[0]).toBe(`point,strategy,${COUNT},replications,${METRICS.flatMap((m) => [m, `${m}_ci95`]).join(',')}`);
    expect(lines).toHaveLength(1 + 4 + 1);
  });

  it('has the mean and Student-t 95% half-width over the 3 replications, noise-free and NaN empty', () => {
    // latency_p99_ms of the distributor at 2 workers: 2100, 2300, 2500 -> 2300 +- 4.303 * 200 / sqrt(3).
    expect(lines[1]).toBe(
      '0,distributor,2,3,1000,0,1000,0,0,0,0,0,0,0,0,0,0,0,0,0,900,0,8.01,0.0248434,575,124.217,383.333,82.8113,1150,248.434,' +
        '2300,496.868,4600,993.735,375,124.217,0,0,950,248.434,2100,496.868,200,0,,,,,8,0,4.6,0.993735,4.6,0.993735,0.79,0.0248434,' +
        '14000,0,125,0,10001,2.48434,355.556,0,0.8,0',
    );
    expect(lines[4]).toBe(
      '1,round-robin,3,3,1000,0,1000,0,0,0,0,0,0,0,0,0,0,0,0,0,900,0,8.01,0.0248434,500,62.1085,333.333,41.4056,1000,124.217,' +
        '2000,248.434,4000,496.868,300,62.1085,0,0,800,124.217,1800,248.434,200,0,,,,,8,0,4,0.496868,4,0.496868,0.523333,0.0248434,' +
        '6000,0,125,0,10101,2.48434,65.9469,0,0.533333,0',
    );
  });

  it('leaves the half-width empty with one replication', () => {
    const fixture = sweepFixture();
    const single = sweepFrom(fixture.scenario, fixture.parameters, fixture.runs.filter((r) => r.replication === 0));
    const row = sweepSummaryCsv(single).split('\n')[1].split(',');
    expect(row.slice(0, 4)).toEqual(['0', 'distributor', '2', '1']);
    // latency_p99_ms and its _ci95 come after the 4 leading columns and 13 metric pairs.
    expect(row.slice(4 + 2 * 13, 4 + 2 * 13 + 2)).toEqual(['2100', '']);
  });
});

describe('plan.csv', () => {
  it('has one row per strategy: the answer, or an empty answer and a negative margin', () => {
    expect(planCsv(sweepFixture())).toBe(
      'strategy,sla,parameter,context,answer,metric_mean_ms,metric_upper_ms,margin_ms\n' +
        `distributor,latency_p99 <= 2000 ms,${COUNT},,3,1500,1748.43,251.566\n` +
        `round-robin,latency_p99 <= 2000 ms,${COUNT},,,2000,2248.43,-248.434\n`,
    );
  });
});
