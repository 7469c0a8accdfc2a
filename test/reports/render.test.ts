import { describe, expect, it } from 'vitest';
import { buildCharts, queueHeatmapChart, renderSvg } from '../../sim/reports/index.js';
import { roundGeometry } from '../../sim/reports/render/svg.js';
import { fixtureResult } from './fixture.js';
import { sampleResult, variantSampleResult } from './sample-result.js';

const [latency, , , , queueLengths] = buildCharts(fixtureResult());

describe('renderSvg', () => {
  it('renders a chart with its title, axis titles, legend and a sans-serif font', async () => {
    const svg = await renderSvg(latency.spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    for (const text of ['fixture: latency by strategy', 'latency (ms)', '>strategy<', '>distributor<', '>round-robin<', '>p99<']) {
      expect(svg).toContain(text);
    }
    // Said once, on the root, for every text to inherit.
    expect(/^<svg\b[^>]*>/.exec(svg)?.[0]).toContain(' font-family="DejaVu Sans, Verdana, Helvetica, Arial, sans-serif"');
    expect(svg.match(/ font-family=/g)).toHaveLength(1);
  }, 20_000);

  it('gives byte-identical output for the same spec', async () => {
    const first = await renderSvg(queueLengths.spec);
    await renderSvg(latency.spec);
    expect(await renderSvg(queueLengths.spec)).toBe(first);
  }, 20_000);

  it('numbers clip paths the same on every render, even concurrent ones', async () => {
    // vega names clip paths from a module-wide counter; a clipped mark shows whether it is reset.
    // The latency chart's bars without their value labels (a layer), clipped.
    const clipped = { ...(latency.spec as object), layer: undefined, mark: { type: 'bar', clip: true } };
    const first = await renderSvg(clipped);
    const [second, third] = await Promise.all([renderSvg(clipped), renderSvg(clipped)]);
    expect(first).toContain('clip-path="url(#clip1)"');
    expect(second).toBe(first);
    expect(third).toBe(first);
  }, 20_000);

  it('renders every chart of a larger sample without warnings', async () => {
    const warnings: string[] = [];
    for (const chart of buildCharts(sampleResult())) {
      const svg = await renderSvg(chart.spec, { onWarning: (message) => warnings.push(`${chart.name}: ${message}`) });
      expect(svg).toContain(`scale-out-sample: `);
    }
    expect(warnings).toEqual([]);
  }, 20_000);

  it('rejects a broken spec and keeps working afterwards', async () => {
    await expect(renderSvg({ mark: 'bar', encoding: { x: { field: 'a', type: 'nonsense' } } })).rejects.toThrow();
    expect(await renderSvg(latency.spec)).toMatch(/^<svg/);
  }, 20_000);

  it('renders every chart of the variant sample without warnings, byte-identical twice', async () => {
    const warnings: string[] = [];
    const charts = buildCharts(variantSampleResult());
    expect(charts.map((c) => c.name)).toContain('latency-by-variant');
    const first: string[] = [];
    for (const chart of charts) {
      const svg = await renderSvg(chart.spec, { onWarning: (message) => warnings.push(`${chart.name}: ${message}`) });
      expect(svg).toContain('handler-durations: ');
      first.push(svg);
    }
    expect(warnings).toEqual([]);
    for (const [i, chart] of charts.entries()) expect(await renderSvg(chart.spec), chart.name).toBe(first[i]);
  }, 60_000);

  it('latency-by-variant draws the variants left to right in scenario order, in both panels', async () => {
    const chart = buildCharts(variantSampleResult()).find((c) => c.name === 'latency-by-variant')!;
    const svg = await renderSvg(chart.spec);
    // Axis labels are <text ... transform="translate(x,y)" ...>label</text>.
    const labelX = (label: string): number[] =>
      [...svg.matchAll(new RegExp(`<text[^>]*transform="translate\\(([-\\d.]+),[-\\d.]+\\)"[^>]*>${label}</text>`, 'g'))].map((m) => Number(m[1]));
    const xs = ['1ms', '10ms', '100ms', '1s'].map(labelX);
    for (const x of xs) expect(x).toHaveLength(2); // one axis per panel
    for (const panel of [0, 1]) {
      const order = xs.map((x) => x[panel]);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(new Set(order).size).toBe(4);
    }
    for (const text of ['latency (ms, log scale)', 'p99 / best p99 (log scale)', '>p99<', '>mean<', '>10,000<', '>10×<']) {
      expect(svg).toContain(text);
    }
  }, 20_000);
});

describe('roundGeometry', () => {
  it('rounds long coordinates in shapes and transforms to a hundredth of a pixel, and leaves text alone', () => {
    expect(roundGeometry('<g transform="translate(28.444444444444446,16)"><path d="M10.236724248240563,0h-10.2367v16.5h10.23649h0.125Z"/><text>0.123456789</text></g>')).toBe(
      '<g transform="translate(28.44,16)"><path d="M10.24,0h-10.24v16.5h10.24h0.13Z"/><text>0.123456789</text></g>',
    );
  });

  it('writes rgb() fills, strokes and gradient stops as the same colour in hex, and leaves other text alone', () => {
    expect(roundGeometry('<path d="M0,0h1Z" fill="rgb(255, 238, 229)" stroke="rgb(8,81,156)"/><text fill="#555">rgb(1, 2, 3)</text>')).toBe(
      '<path d="M0,0h1Z" fill="#ffeee5" stroke="#08519c"/><text fill="#555">rgb(1, 2, 3)</text>',
    );
  });

  it('drops opacity="1" (the initial value), pointer-events, class names and empty backgrounds, and says a font-family shared by every text once, on the root', () => {
    const svg =
      '<svg width="2" class="marks"><g opacity="1" class="mark-group role-frame"><path class="background" aria-hidden="true" d="M0,0h0v0h0Z" pointer-events="none"/><path class="background" aria-hidden="true" d="M0,0h5v5h-5Z"/><text font-family="A, sans-serif" pointer-events="none" opacity="1">a</text><rect fill-opacity="1" opacity="0.5"/></g><text font-family="A, sans-serif">b opacity="1" class="x"</text></svg>';
    expect(roundGeometry(svg)).toBe(
      '<svg width="2" font-family="A, sans-serif"><g><path aria-hidden="true" d="M0,0h5v5h-5Z"/><text>a</text><rect fill-opacity="1" opacity="0.5"/></g><text>b opacity="1" class="x"</text></svg>',
    );
    // Two families, or a text without one: each text keeps its own.
    const mixed = '<svg><text font-family="A">a</text><text font-family="B">b</text></svg>';
    expect(roundGeometry(mixed)).toBe(mixed);
    const bare = '<svg><text font-family="A">a</text><text>b</text></svg>';
    expect(roundGeometry(bare)).toBe(bare);
  });

  it('leaves no long decimals in a rendered heatmap', async () => {
    const svg = await renderSvg(queueHeatmapChart(sampleResult()));
    expect(svg).not.toMatch(/ d="[^"]*\d\.\d{3,}/);
    expect(svg).not.toMatch(/="rgb\(/);
  }, 30_000);
});
