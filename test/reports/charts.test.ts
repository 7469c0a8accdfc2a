import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCharts } from '../../sim/reports/index.js';
import { fixtureResult, variantFixtureResult } from './fixture.js';
import { sampleResult, variantSampleResult } from './sample-result.js';
import { compileWithWarnings } from './vega-lite-strict.js';

type Json = unknown;

/** Compiles with vega-lite, failing on any warning as well as on errors. */
function compileStrict(spec: object): Record<string, Json> {
  const { vega, warnings } = compileWithWarnings(spec);
  expect(warnings).toEqual([]);
  return vega;
}

/** Every value of `key` anywhere in a compiled Vega spec (axes, legends, ... nest in groups). */
function collect(node: Json, key: string, out: Json[] = []): Json[] {
  if (Array.isArray(node)) for (const item of node) collect(item, key, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(...(Array.isArray(v) ? v : [v]));
      collect(v, key, out);
    }
  }
  return out;
}

const titles = (items: Json[]): Json[] => [...new Set(items.map((item) => (item as { title?: Json }).title))].sort();

const result = fixtureResult();
const charts = buildCharts(result);
const chart = (name: string) => {
  const found = charts.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no chart ${name}`);
  return found.spec as Record<string, Json> & { data: { values: Record<string, Json>[] } };
};

describe('buildCharts', () => {
  it('builds the seven charts, in order', () => {
    expect(charts.map((c) => c.name)).toEqual(['latency', 'latency-cdf', 'throughput', 'queue-length', 'queue-lengths', 'instances', 'machines']);
  });

  it.each(charts.map((c) => [c.name, c.spec] as const))('%s is Vega-Lite v6 with a titled scenario and inlined data', (_name, spec) => {
    const s = spec as Record<string, Json>;
    expect(s.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    expect(s.title).toMatchObject({ text: expect.stringMatching(/^fixture: /) });
    expect(Array.isArray((s.data as { values: Json[] }).values)).toBe(true);
    expect(collect(s, 'url')).toEqual([]);
    expect((s.config as { font: string }).font).toMatch(/sans-serif$/);
    compileStrict(spec);
  });

  it.each([
    ['latency', ['strategy'], ['latency (ms, log scale)', 'statistic']],
    ['latency-cdf', ['strategy'], ['latency (ms, log scale)', 'percentile (%)']],
    ['throughput', ['strategy'], ['throughput (messages/s)', 'time (s)']],
    ['queue-length', ['strategy'], ['queued (messages)', 'time (s)']],
    ['queue-lengths', ['queue (kind: name)'], ['length (messages)', 'time (s)']],
    ['instances', ['strategy'], ['instance', 'processed (messages)']],
    ['machines', ['strategy'], ['machine', 'queue manager utilisation']],
  ])('%s has legend %j and axis titles %j', (name, legends, axes) => {
    const vega = compileStrict(chart(name));
    expect(titles(collect(vega, 'legends'))).toEqual(legends);
    expect(titles(collect(vega, 'axes')).filter((t) => t !== undefined)).toEqual(axes);
  });

  it('gives each strategy the same colour in every chart', () => {
    for (const { spec } of charts) {
      const domains = collect(spec, 'color')
        .map((color) => (color as { field?: string; scale?: { domain?: Json } }))
        .filter((color) => color.field === 'strategy')
        .map((color) => color.scale?.domain);
      if (domains.length === 0) continue; // queue-lengths colours queues
      for (const domain of domains) expect(domain).toEqual(['distributor', 'round-robin']);
    }
    expect(collect(chart('queue-lengths'), 'row')).toMatchObject([{ field: 'strategy', title: 'strategy' }]);
  });

  it('queue-lengths labels each queue once, with its machine unless the name has it', () => {
    const labelled = fixtureResult();
    labelled.runs[1].queueLengths[0].queue = 'Sales@m1';
    const spec = buildCharts(labelled)[4].spec as { data: { values: { queue_label: string }[] } };
    expect(spec.data.values.map((v) => v.queue_label)).toEqual(['input: Sales on m1', 'input: Sales on m1', 'input: Sales on m2', 'input: Sales on m2', 'input: Sales@m1', 'input: Sales on m1']);
    expect(collect(spec, 'color')).toMatchObject([
      { field: 'queue_label', title: 'queue (kind: name)', scale: { domain: ['input: Sales on m1', 'input: Sales on m2', 'input: Sales@m1'], range: ['#08519c', '#17becf', '#6baed6'] } },
    ]);
  });

  it('latency folds the four summary columns into a statistic', () => {
    const spec = chart('latency');
    expect(spec.transform).toContainEqual({
      fold: ['latency_mean_ms', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms'],
      as: ['column', 'latency_ms'],
    });
    expect(spec.data.values).toEqual([
      { strategy: 'distributor', latency_mean_ms: 204.6, latency_p50_ms: 150.25, latency_p95_ms: 610, latency_p99_ms: 1234.57 },
      { strategy: 'round-robin', latency_mean_ms: 1500.04, latency_p50_ms: 300, latency_p95_ms: 9000.55, latency_p99_ms: 20000 },
    ]);
  });

  it('inlines NaN as null, which survives JSON and is left out of the scales', () => {
    const broken = fixtureResult();
    broken.runs[1].summary.latency_p99_ms = NaN;
    broken.runs[0].cdf[1].latency_ms = NaN;
    const [latency, cdf] = buildCharts(broken).map((c) => c.spec as { data: { values: Record<string, Json>[] } });
    expect(latency.data.values[1].latency_p99_ms).toBeNull();
    expect(cdf.data.values[1]).toEqual({ strategy: 'distributor', percentile: 50, latency_ms: null });
    expect(JSON.stringify(latency)).not.toContain('NaN');
    compileStrict(latency);
  });

  it('the CDF uses a log latency axis and leaves out the zero it cannot show', () => {
    const spec = chart('latency-cdf');
    expect(collect(spec, 'x')).toMatchObject([{ field: 'latency_ms', scale: { type: 'log' } }]);
    expect(spec.transform).toEqual([{ filter: 'isValid(datum.latency_ms) && datum.latency_ms > 0' }]);
    expect(spec.data.values).toHaveLength(6);
  });

  it('instances carries utilisation for the tooltip and one panel per strategy', () => {
    const spec = chart('instances');
    expect(spec.data.values[2]).toMatchObject({ strategy: 'round-robin', instance: 'm1', processed: 500, utilisation: 0.99, share: 0.526316, instance_label: 'm1' });
    expect(collect(spec, 'tooltip').map((t) => (t as { field?: string }).field)).toContain('utilisation');
    expect(collect(spec, 'filter')).toEqual([
      { field: 'strategy', equal: 'distributor' },
      { field: 'strategy', equal: 'round-robin' },
    ]);
  });
});

describe('charts without variants are what they were before variants existed', () => {
  // Captured from the chart code before variants were added (the fixture charts in full, the larger
  // sample's by hash: 600 KB of JSON). A scenario without variants must get byte-identical specs.
  const pinned = JSON.parse(readFileSync(new URL('./fixtures/charts-without-variants.json', import.meta.url), 'utf8')) as Record<string, Json>;
  const SAMPLE_SHA256: Record<string, string> = {
    latency: '1a8052408d99a2a1a926b146ce4d5affd8aae5321cc5fef9e3fbc72dbc491e84', // bars labelled with their values
    'latency-cdf': '965109e77519c69448c8a2671358dadc82076f75beb899406f6c212f161d759d',
    throughput: '0f2a42385598db0156df1b4ed2c4cf51b49ea9289c16ce1c79d0d507e7ba6e9f', // moving average in the data, rows thinned
    'queue-length': '4a0830018e178171396f3672d33d99c5b20fe2c5c2ef7347e43cc8d4d0c7340e', // rows thinned (flat runs)
    'queue-lengths': '3e8c48ac44c3dde58ab89f53421a773cb2bd728115ad3bde2e713cd05beba9a0', // rows thinned (flat runs), a row names its line by its label only
    instances: '5a035512f5596fb9ef1dd87a635e04c7c14a67b5619b462765be5e228a93b7b9',
  };
  const pretty = (spec: object): string => JSON.stringify(spec, null, 2) + '\n';

  it.each(Object.keys(SAMPLE_SHA256))('fixture %s: the same bytes as the pinned spec', (name) => {
    const built = buildCharts(fixtureResult()).find((c) => c.name === name);
    expect(built).toBeDefined();
    expect(pretty(built!.spec)).toBe(pretty(pinned[name] as object));
  });

  it.each(Object.entries(SAMPLE_SHA256))('sample %s: the same bytes as before (sha256)', (name, sha256) => {
    const built = buildCharts(sampleResult()).find((c) => c.name === name);
    expect(createHash('sha256').update(pretty(built!.spec)).digest('hex')).toBe(sha256);
  });

  it('the pinned file holds exactly the charts that existed then', () => {
    expect(Object.keys(pinned)).toEqual(['latency', 'latency-cdf', 'throughput', 'queue-length', 'queue-lengths', 'instances']);
  });
});

describe('machines chart', () => {
  it('shows queue manager utilisation per machine, a bar per strategy, on a fixed 0-100% scale', () => {
    const spec = chart('machines') as Record<string, Json> & { encoding: Record<string, Json>; data: { values: Json[] } };
    expect(spec.data.values).toEqual([
      { strategy: 'distributor', machine: 'm1', cores: 2, operations: 9000, queue_manager_utilisation: 0.5625, cpu_utilisation: 0, outgoing_max: 3 },
      { strategy: 'distributor', machine: 'm2', cores: 2, operations: 1500, queue_manager_utilisation: 0.09375, cpu_utilisation: 0, outgoing_max: 1 },
      { strategy: 'round-robin', machine: 'm1', cores: 2, operations: 4950, queue_manager_utilisation: 0.3, cpu_utilisation: 0, outgoing_max: 0 },
      { strategy: 'round-robin', machine: 'm2', cores: 2, operations: 900, queue_manager_utilisation: 0.0546875, cpu_utilisation: 0.3, outgoing_max: 12 },
    ]);
    expect(spec.encoding.x).toMatchObject({ field: 'machine', sort: ['m1', 'm2'] });
    expect(spec.encoding.xOffset).toMatchObject({ field: 'strategy', sort: ['distributor', 'round-robin'] });
    expect(spec.encoding.y).toMatchObject({ aggregate: 'mean', field: 'queue_manager_utilisation', scale: { domain: [0, 1] }, axis: { format: '.0%' } });
    // The busy bars are labelled: 56% and 30% here, not the 9% and 5% ones.
    expect(collect(spec, 'filter')).toEqual(['datum.queue_manager_utilisation >= 0.25']);
  });

  it('lists machines in the order they first appear, not alphabetically', () => {
    const result = fixtureResult();
    for (const run of result.runs) run.machines.reverse();
    const spec = buildCharts(result).find((c) => c.name === 'machines')!.spec as { encoding: { x: { sort: string[] } } };
    expect(spec.encoding.x.sort).toEqual(['m2', 'm1']);
  });
});

describe('charts with variants', () => {
  const variantResult = variantFixtureResult();
  const variantCharts = buildCharts(variantResult);
  const vchart = (name: string) => {
    const found = variantCharts.find((c) => c.name === name);
    if (found === undefined) throw new Error(`no chart ${name}`);
    return found.spec as Record<string, Json> & { data: { values: Record<string, Json>[] } };
  };
  const VARIANTS = ['short', 'long'];

  it('adds latency-by-variant after latency', () => {
    expect(variantCharts.map((c) => c.name)).toEqual([
      'latency',
      'latency-by-variant',
      'latency-cdf',
      'throughput',
      'queue-length',
      'queue-lengths',
      'instances',
      'machines',
    ]);
  });

  it.each(variantCharts.map((c) => [c.name, c.spec] as const))('%s compiles without warnings and carries the variant', (_name, spec) => {
    const s = spec as Record<string, Json> & { data: { values: Record<string, Json>[] } };
    expect(s.title).toMatchObject({ text: expect.stringMatching(/^fixture: /) });
    expect(collect(s, 'url')).toEqual([]);
    expect(new Set(s.data.values.map((v) => v.variant))).toEqual(new Set(VARIANTS));
    compileStrict(spec);
  });

  it.each([
    ['latency', ['strategy'], ['latency (ms, log scale)', 'statistic']],
    ['latency-by-variant', ['statistic', 'strategy'], ['latency (ms, log scale)', 'p99 / best p99', 'variant']],
    ['latency-cdf', ['strategy'], ['latency (ms, log scale)', 'percentile (%)']],
    ['throughput', ['strategy'], ['messages/s', 'time (s)']],
    ['queue-length', ['strategy'], ['queued (messages)', 'time (s)']],
    ['queue-lengths', ['queue (kind: name)'], ['length (messages)', 'time (s)']],
    ['instances', ['strategy'], ['instance', 'processed (messages)']],
    ['machines', ['strategy'], ['machine', 'queue manager utilisation']],
  ])('%s has legend %j and axis titles %j', (name, legends, axes) => {
    const vega = compileStrict(vchart(name));
    expect(titles(collect(vega, 'legends'))).toEqual(legends);
    expect(titles(collect(vega, 'axes')).filter((t) => t !== undefined)).toEqual(axes);
  });

  it('keeps one colour per strategy in every chart, the fill of the p99 points too', () => {
    let pinned = 0;
    for (const { spec } of variantCharts) {
      // Colour encodings, and the fill condition of latency-by-variant (a scale of its own).
      for (const def of [...collect(spec, 'color'), ...collect(spec, 'condition')] as { field?: string; scale?: { domain?: Json; scheme?: Json } }[]) {
        if (def.field !== 'strategy') continue;
        expect(def.scale).toEqual({ domain: ['distributor', 'round-robin'], scheme: 'tableau10' });
        pinned++;
      }
    }
    expect(pinned).toBe(10); // 8 charts, latency-by-variant with two colours and a fill
  });

  it.each(['latency', 'latency-cdf', 'throughput', 'queue-length', 'machines'])('%s: one panel per variant, in scenario order', (name) => {
    expect(collect(vchart(name), 'row')).toEqual([
      {
        field: 'variant',
        type: 'nominal',
        sort: ['short', 'long'],
        title: 'variant',
        header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontWeight: 'bold', titleOrient: 'top', titleAnchor: 'start' },
      },
    ]);
  });

  it('latency bars and the time charts give each variant its own scales; the CDF shares its log axis', () => {
    expect(vchart('latency').resolve).toEqual({ scale: { y: 'independent' } });
    expect(vchart('throughput').resolve).toEqual({ scale: { x: 'independent', y: 'independent' } });
    expect(vchart('queue-length').resolve).toEqual({ scale: { x: 'independent', y: 'independent' } });
    expect(vchart('latency-cdf').resolve).toBeUndefined();
    // The moving average is computed per variant and strategy, from every bucket, before thinning.
    expect(vchart('throughput').transform).toBeUndefined();
    const rows = vchart('throughput').data.values as { variant: string; strategy: string; throughput_moving_average: unknown }[];
    expect(rows.every((row) => typeof row.throughput_moving_average === 'number')).toBe(true);
    expect(new Set(rows.map((row) => `${row.variant}/${row.strategy}`)).size).toBe(4);
  });

  it('queue-lengths and instances: a block per variant, strategies side by side or grouped', () => {
    const queues = vchart('queue-lengths') as unknown as { vconcat: Record<string, Json>[] };
    expect(queues.vconcat.map((v) => v.transform)).toEqual([
      [{ filter: { field: 'variant', equal: 'short' } }],
      [{ filter: { field: 'variant', equal: 'long' } }],
    ]);
    expect(queues.vconcat[0].facet).toMatchObject({ column: { field: 'strategy', sort: ['distributor', 'round-robin'] } });
    expect(queues.vconcat[0].resolve).toEqual({ scale: { x: 'shared', y: 'shared' } });
    expect(queues.vconcat.map((v) => (v.title as { text: string }).text)).toEqual(['variant short', 'variant long']);

    const instances = vchart('instances') as unknown as { vconcat: Record<string, Json>[]; resolve: Json };
    expect(collect(instances, 'filter')).toEqual([
      { field: 'variant', equal: 'short' },
      { field: 'variant', equal: 'long' },
    ]);
    const yOffset = { field: 'strategy', type: 'nominal', sort: ['distributor', 'round-robin'] };
    expect(collect(instances, 'yOffset')).toEqual([yOffset, yOffset]);
    expect(instances.resolve).toEqual({ scale: { x: 'independent' } });
    expect(instances.vconcat.map((v) => (v.title as { text: string }).text)).toEqual(['variant short', 'variant long']);
  });

  it('latency-by-variant: the mean of each (variant, strategy), and p99 relative to the best of the variant', () => {
    const spec = vchart('latency-by-variant');
    expect(spec.data.values).toEqual([
      { variant: 'short', strategy: 'distributor', latency_p99_ms: 45.25, latency_mean_ms: 12.5, p99_vs_best: 5, service_mean_ms: 1 },
      { variant: 'short', strategy: 'round-robin', latency_p99_ms: 9.05, latency_mean_ms: 2.5, p99_vs_best: 1, service_mean_ms: 1 },
      { variant: 'long', strategy: 'distributor', latency_p99_ms: 3950, latency_mean_ms: 1210, p99_vs_best: 1, service_mean_ms: 1000 },
      { variant: 'long', strategy: 'round-robin', latency_p99_ms: 7000, latency_mean_ms: 1800, p99_vs_best: 1.77215, service_mean_ms: 1000 },
    ]);
    // Both panels put the variants in scenario order, as an ordinal axis.
    expect(collect(spec, 'x').filter((x) => (x as { field?: string }).field === 'variant')).toEqual([
      expect.objectContaining({ type: 'ordinal', sort: ['short', 'long'] }),
      expect.objectContaining({ type: 'ordinal', sort: ['short', 'long'] }),
    ]);
    // 2.5 ms to 7 s: more than two decades, so a log axis with 1-2-5 ticks around the data.
    const [latencyY, ratioY] = collect(spec, 'y').filter((y) => (y as { field?: string }).field !== undefined) as Record<string, Json>[];
    expect(latencyY).toEqual({
      field: 'latency_ms',
      type: 'quantitative',
      scale: { type: 'log', domain: [2, 8750], nice: false },
      title: 'latency (ms, log scale)',
      axis: { values: [2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000], format: ',~r' },
    });
    // 1× to 5×: linear, starting near the best rather than at 0.
    expect(ratioY).toEqual({
      field: 'p99_vs_best',
      type: 'quantitative',
      scale: { zero: false, padding: 8 },
      title: 'p99 / best p99',
      axis: { format: ',~r', labelExpr: "datum.label + '×'" },
    });
    // p99 solid, mean dashed.
    expect(collect(spec, 'strokeDash')).toContainEqual(expect.objectContaining({ field: 'statistic', scale: { domain: ['p99', 'mean'], range: [[1, 0], [5, 3]] } }));
  });

  it('latency-by-variant stays linear when the latencies span less than two decades', () => {
    const result = variantFixtureResult();
    for (const run of result.runs) {
      run.summary.latency_mean_ms = 100 + run.summary.latency_mean_ms / 100;
      run.summary.latency_p99_ms = 200 + run.summary.latency_p99_ms / 100;
    }
    const spec = buildCharts(result).find((c) => c.name === 'latency-by-variant')!.spec;
    const latencyY = collect(spec, 'y').find((y) => (y as { field?: string }).field === 'latency_ms');
    expect(latencyY).toEqual({ field: 'latency_ms', type: 'quantitative', scale: { zero: true }, title: 'latency (ms)', axis: { format: ',~r' } });
    compileStrict(spec);
  });

  it('latency-by-variant averages replications and leaves out a variant with nothing measured', () => {
    const result = variantFixtureResult();
    const again = structuredClone(result.runs[0]);
    again.summary.seed = 7;
    again.summary.latency_p99_ms = 54.75;
    result.runs.splice(1, 0, again);
    result.runs[2].summary.latency_p99_ms = NaN; // short / round-robin measured nothing
    const spec = buildCharts(result).find((c) => c.name === 'latency-by-variant')!.spec as { data: { values: Record<string, Json>[] } };
    expect(spec.data.values.slice(0, 2)).toEqual([
      { variant: 'short', strategy: 'distributor', latency_p99_ms: 50, latency_mean_ms: 12.5, p99_vs_best: 1, service_mean_ms: 1 },
      { variant: 'short', strategy: 'round-robin', latency_p99_ms: null, latency_mean_ms: 2.5, p99_vs_best: null, service_mean_ms: 1 },
    ]);
    compileStrict(spec);
  });

  it('the larger variant sample: every chart compiles without warnings, variants in the given order', () => {
    const result = variantSampleResult();
    expect(result.variants).toEqual(['1ms', '10ms', '100ms', '1s']);
    for (const { name, spec } of buildCharts(result)) {
      compileStrict(spec);
      if (name === 'latency-by-variant') {
        const ratioY = collect(spec, 'y').find((y) => (y as { field?: string }).field === 'p99_vs_best');
        // The distributor is 11× the best at 1 ms: a log ratio axis keeps 1.1× and 1.8× apart.
        expect(ratioY).toMatchObject({ scale: { type: 'log', nice: false }, axis: { values: [1, 2, 5, 10] } });
      }
    }
  });
});
