import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../sim/metrics/results.js';
import { minWorkersData, queueHeatmapChart, renderSvg, buildSweepCharts } from '../../sim/reports/index.js';
import { fixtureResult, variantFixtureResult } from './fixture.js';
import { sampleResult, variantSampleResult } from './sample-result.js';
import { COUNT, sweepFixture, sweepFrom } from './sweep-fixture.js';
import { RATE, sweepSample, twoParameterSample } from './sweep-sample.js';
import { collect, compileWithWarnings, titles } from './vega-lite-strict.js';

type Json = unknown;

/** A replicated scenario without parameters: one point per strategy. */
function noParameters(): SweepResult {
  const fixture = sweepFixture();
  const runs = fixture.runs.filter((r) => r.point === 0).map((r) => ({ ...r, values: [] }));
  return sweepFrom(fixture.scenario, [], runs);
}

/** Every sweep chart of every sample, and the heatmaps: name, spec. */
const SETS: [string, { name: string; spec: object }[]][] = [
  ['fixture', buildSweepCharts(sweepFixture())],
  ['one parameter', buildSweepCharts(sweepSample())],
  ['two parameters', buildSweepCharts(twoParameterSample())],
  ['no parameters', buildSweepCharts(noParameters())],
  [
    'heatmaps',
    [fixtureResult(), variantFixtureResult(), sampleResult(), variantSampleResult()].map((result, i) => ({ name: `queue-heatmap ${i}`, spec: queueHeatmapChart(result) })),
  ],
];
const ALL = SETS.flatMap(([set, charts]) => charts.map((chart) => [`${set}: ${chart.name}`, chart.spec] as const));

const names = (result: SweepResult) => buildSweepCharts(result).map((c) => c.name);
const chart = (result: SweepResult, name: string) => buildSweepCharts(result).find((c) => c.name === name)!.spec as Record<string, Json>;

describe('sweep charts', () => {
  it('builds the charts that apply to the sweep', () => {
    expect(names(sweepFixture())).toEqual(['sweep-latency', 'sweep-utilisation', 'sweep-wait-theory']);
    expect(names(twoParameterSample())).toEqual(['sweep-latency', 'min-workers', 'sweep-utilisation', 'sweep-wait-theory']);
    // No closed form anywhere: no wait chart. No SLA: no min-workers.
    const noTheory = twoParameterSample();
    for (const r of noTheory.runs) r.run.summary.theory_model = '';
    expect(names(noTheory)).toEqual(['sweep-latency', 'min-workers', 'sweep-utilisation']);
    const noSla = twoParameterSample();
    expect(names({ ...noSla, scenario: { ...noSla.scenario, sla: undefined } })).toEqual(['sweep-latency', 'sweep-utilisation', 'sweep-wait-theory']);
    // A count swept over one value (a template instance copied 3 times) is a setting, not a question about workers.
    const fixed = twoParameterSample();
    const three = sweepFrom(fixed.scenario, fixed.parameters, fixed.runs.filter((r) => r.values[0] === 3));
    expect(names(three)).toEqual(['sweep-latency', 'sweep-utilisation', 'sweep-wait-theory']);
    // And the plan answers with the parameter that varies.
    expect(new Set(three.plan.map((row) => row.parameter))).toEqual(new Set([RATE]));
  });

  it('min-workers stands "none" upright, so that neighbouring labels cannot run together', () => {
    const cut = twoParameterSample();
    const spec = chart(sweepFrom(cut.scenario, cut.parameters, cut.runs.filter((r) => r.values[0] <= 3)), 'min-workers');
    const layers = spec.layer as unknown as { transform?: { filter: string }[]; mark: { type: string; angle?: number } }[];
    const none = layers.find((l) => l.transform?.[0].filter === 'datum.workers === null');
    expect(none?.mark).toMatchObject({ type: 'text', angle: 270 });
  });

  it.each(ALL)('%s compiles with no vega-lite warning, titled with the scenario, data inlined', (_name, spec) => {
    const s = spec as Record<string, Json>;
    expect(s.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    expect((s.title as { text: string }).text).toMatch(/^(fixture|capacity-plan|capacity-by-load|scale-out-sample|handler-durations): /);
    expect(collect(s, 'url')).toEqual([]);
    expect(compileWithWarnings(spec).warnings).toEqual([]);
  });

  it.each([
    ['sweep-latency', ['strategy'], ['endpoints.Sales.instances.count (workers)', 'latency mean (ms)', 'latency p50 (ms)', 'latency p99 (ms)']],
    ['sweep-utilisation', ['line', 'strategy'], ['endpoints.Sales.instances.count (workers)', 'utilisation (% of threads busy)']],
    ['sweep-wait-theory', ['line', 'strategy', 'theory check'], ['endpoints.Sales.instances.count (workers)', 'mean wait (ms)']],
  ])('%s has legends %j and axis titles %j', (name, legends, axes) => {
    const { vega } = compileWithWarnings(chart(sweepSample(), name));
    expect(titles(collect(vega, 'legends'))).toEqual(legends);
    expect(titles(collect(vega, 'axes'))).toEqual(axes);
  });

  it('min-workers has a strategy legend and titled axes', () => {
    const { vega } = compileWithWarnings(chart(twoParameterSample(), 'min-workers'));
    expect(titles(collect(vega, 'legends'))).toEqual(['strategy']);
    expect(titles(collect(vega, 'axes'))).toEqual(['senders.Sender.sends[0].arrivals.rate (messages/s)', 'workers needed (count)']);
  });

  it('sweep-latency draws p99 with its band and the SLA rule, p99 first', () => {
    const spec = chart(sweepFixture(), 'sweep-latency') as { vconcat: { data: { values: Record<string, Json>[] }; layer: { mark: { type: string } }[] }[] };
    expect(spec.vconcat).toHaveLength(3);
    const [p99] = spec.vconcat;
    expect(p99.layer.map((l) => l.mark.type)).toEqual(['errorband', 'line', 'rule', 'text']);
    expect(p99.data.values[0]).toEqual({ point: 0, strategy: 'distributor', x: 2, context: '', mean: 2300, ci95: 496.868, lo: 1803.13, hi: 2796.87, replications: 3, sla_ms: 2000 });
    // Only the SLA's statistic has the rule.
    expect(spec.vconcat[1].layer.map((l) => l.mark.type)).toEqual(['errorband', 'line']);
    expect(JSON.stringify(spec)).toContain('SLA 2000 ms');
  });

  it('sweep-latency facets by the second parameter, and switches to a log scale for runaway latency', () => {
    const spec = chart(twoParameterSample(), 'sweep-latency') as { vconcat: { facet: { column: { field: string; sort: string[] } } }[] };
    expect(spec.vconcat[0].facet.column).toMatchObject({ field: 'context', sort: ['6/s', '10/s', '14/s', '18/s'], title: `${RATE} (messages/s)` });
    expect(collect(spec, 'scale')).toContainEqual({ type: 'log' });
  });

  it('sweep-wait-theory leaves out points without a closed form or a steady state, and rings flagged ones', () => {
    const spec = chart(sweepFixture(), 'sweep-wait-theory') as { data: { values: Record<string, Json>[] } };
    expect(spec.data.values.map((v) => [v.strategy, v.x, v.model, v.theory, v.check, v.flagged])).toEqual([
      ['distributor', 2, 'M/M/2', 355.556, '', '0 of 3'],
      ['round-robin', 2, 'E2/M/1', 390.388, "a run flagged 'disagrees'", '1 of 3'],
      ['distributor', 3, 'M/M/3', 37.4532, '', '0 of 3'],
      ['round-robin', 3, 'E3/M/1', 65.9469, '', '0 of 3'],
    ]);
    const two = chart(twoParameterSample(), 'sweep-wait-theory') as { data: { values: Record<string, Json>[] }; title: { subtitle: string[] } };
    expect(two.title.subtitle[1]).toMatch(/12 overloaded points \(no steady state\) left out/);
    expect(two.data.values.every((v) => typeof v.theory === 'number')).toBe(true);
  });

  it('min-workers finds the smallest count meeting the SLA per load, and "none" where none does', () => {
    const data = minWorkersData(twoParameterSample());
    expect(data.map((d) => `${d.strategy} ${d.other_label}: ${d.label}`)).toEqual([
      'distributor 6/s: 2',
      'distributor 10/s: 3',
      'distributor 14/s: 4',
      'distributor 18/s: 5',
      'round-robin 6/s: 3',
      'round-robin 10/s: 4',
      'round-robin 14/s: 5',
      'round-robin 18/s: 6',
      'shared-queue 6/s: 2',
      'shared-queue 10/s: 3',
      'shared-queue 14/s: 4',
      'shared-queue 18/s: 5',
    ]);
    // Cut the counts at 5: round-robin at 18/s has no answer left.
    const cut = twoParameterSample();
    const runs = cut.runs.filter((r) => r.values[0] <= 5);
    const none = minWorkersData(sweepFrom(cut.scenario, cut.parameters, runs)).find((d) => d.strategy === 'round-robin' && d.other === 18)!;
    expect(none).toMatchObject({ workers: null, label: 'none', label_y: 0 });
    // The count may be the second parameter too.
    const swapped = twoParameterSample();
    const flipped = swapped.runs.map((r) => ({ ...r, values: [r.values[1], r.values[0]] }));
    expect(minWorkersData(sweepFrom(swapped.scenario, [RATE, COUNT], flipped)).map((d) => d.label)).toEqual(data.map((d) => d.label));
  });

  it('the heatmap shows each queue that held work, one panel per strategy, empty queues white (no cell on the white view)', () => {
    const spec = queueHeatmapChart(fixtureResult()) as unknown as { data: { values: Record<string, Json>[] }; facet: { row: Json }; spec: { encoding: { x: { scale: Json } } } };
    expect(spec.data.values).toEqual([
      { strategy: 'distributor', queue_label: 'Sales on m1', start_s: 1, time_s: 2, length: 1 },
      { strategy: 'distributor', queue_label: 'Sales on m2', start_s: 0, time_s: 1, length: 1 },
      { strategy: 'round-robin', queue_label: 'Sales on m1', start_s: 0, time_s: 1, length: 2 },
      { strategy: 'round-robin', queue_label: 'Sales on m1', start_s: 1, time_s: 2, length: 3 },
    ]);
    // The time axis spans the whole run, empty columns too.
    expect(spec.spec.encoding.x.scale).toEqual({ nice: false, domain: [0, 2] });
    expect(spec.facet.row).toMatchObject({ field: 'strategy', sort: ['distributor', 'round-robin'] });
    expect(collect(spec, 'color')).toContainEqual(expect.objectContaining({ field: 'length', scale: expect.objectContaining({ range: ['#ffffff', '#fc8d59', '#b30000'] }) }));
  });

  it('the heatmap merges buckets beyond 100 columns, keeping the largest length', () => {
    const result = fixtureResult();
    const run = result.runs[0];
    run.queueLengths = Array.from({ length: 250 }, (_, i) => ({ strategy: 'distributor', variant: '', time_s: i + 1, queue: 'Sales', machine: 'm1', length: i % 7 }));
    const values = (queueHeatmapChart(result) as unknown as { data: { values: { strategy: string; start_s: number; time_s: number; length: number }[] } }).data.values.filter((v) => v.strategy === 'distributor');
    expect(values).toHaveLength(84); // 250 buckets, 3 per column
    expect(values[0]).toMatchObject({ start_s: 0, time_s: 3, length: 2 });
    expect(values[1]).toMatchObject({ start_s: 3, time_s: 6, length: 5 });
    expect(values.at(-1)).toMatchObject({ start_s: 249, time_s: 250, length: 249 % 7 });
  });

  it('the heatmap draws neighbouring columns of one length as one cell', () => {
    const result = fixtureResult();
    const run = result.runs[0];
    const lengths = [0, 4, 4, 4, 0, 0, 2, 2];
    run.queueLengths = lengths.map((length, i) => ({ strategy: 'distributor', variant: '', time_s: i + 1, queue: 'Sales', machine: 'm1', length }));
    const values = (queueHeatmapChart(result) as unknown as { data: { values: { strategy: string; start_s: number; time_s: number; length: number }[] } }).data.values.filter((v) => v.strategy === 'distributor');
    expect(values.map((v) => [v.start_s, v.time_s, v.length])).toEqual([
      [1, 4, 4],
      [6, 8, 2],
    ]);
  });
});

describe('sweep charts as SVG', () => {
  it.each(ALL)('%s renders without warnings, the same bytes twice', async (name, spec) => {
    const warnings: string[] = [];
    const first = await renderSvg(spec, { onWarning: (message) => warnings.push(message) });
    expect(first.startsWith('<svg')).toBe(true);
    expect(warnings).toEqual([]);
    expect(await renderSvg(spec)).toBe(first);
    if (name.includes('sweep-latency') && !name.startsWith('no parameters')) expect(first).toContain('SLA 2000 ms');
  }, 30_000);
});
