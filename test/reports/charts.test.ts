import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { buildCharts } from '../../sim/reports/charts.js';
import { fixtureResult } from './fixture.js';

type Json = unknown;

/** Compiles with vega-lite, failing on any warning as well as on errors. */
function compileStrict(spec: object): Record<string, Json> {
  const warnings: string[] = [];
  const logger = {
    level() {
      return this;
    },
    warn(...args: unknown[]) {
      warnings.push(args.join(' '));
      return this;
    },
    info() {
      return this;
    },
    debug() {
      return this;
    },
    error(...args: unknown[]) {
      throw new Error(args.join(' '));
    },
  };
  const vega = compile(spec as TopLevelSpec, { logger }).spec as Record<string, Json>;
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
  it('builds the six charts, in order', () => {
    expect(charts.map((c) => c.name)).toEqual(['latency', 'latency-cdf', 'throughput', 'queue-length', 'queue-lengths', 'instances']);
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
    ['latency', ['strategy'], ['latency (ms)', 'statistic']],
    ['latency-cdf', ['strategy'], ['latency (ms, log scale)', 'percentile (%)']],
    ['throughput', ['strategy'], ['throughput (messages/s)', 'time (s)']],
    ['queue-length', ['strategy'], ['queued (messages)', 'time (s)']],
    ['queue-lengths', ['queue'], ['length (messages)', 'time (s)']],
    ['instances', ['strategy'], ['instance', 'processed (messages)']],
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
    expect(spec.data.values.map((v) => v.queue_label)).toEqual(['Sales on m1', 'Sales on m1', 'Sales on m2', 'Sales on m2', 'Sales@m1', 'Sales on m1']);
    expect(collect(spec, 'color')).toMatchObject([{ field: 'queue_label', title: 'queue', scale: { scheme: 'tableau10' } }]);
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
