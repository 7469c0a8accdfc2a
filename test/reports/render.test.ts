import { describe, expect, it } from 'vitest';
import { buildCharts } from '../../sim/reports/charts.js';
import { renderSvg } from '../../sim/reports/render.js';
import { fixtureResult } from './fixture.js';
import { sampleResult } from './sample-result.js';

const [latency, , , , queueLengths] = buildCharts(fixtureResult());

describe('renderSvg', () => {
  it('renders a chart with its title, axis titles, legend and a sans-serif font', async () => {
    const svg = await renderSvg(latency.spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    for (const text of ['fixture: latency by strategy', 'latency (ms)', '>strategy<', '>distributor<', '>round-robin<', '>p99<']) {
      expect(svg).toContain(text);
    }
    expect(svg).toContain('font-family="DejaVu Sans, Verdana, Helvetica, Arial, sans-serif"');
  }, 20_000);

  it('gives byte-identical output for the same spec', async () => {
    const first = await renderSvg(queueLengths.spec);
    await renderSvg(latency.spec);
    expect(await renderSvg(queueLengths.spec)).toBe(first);
  }, 20_000);

  it('numbers clip paths the same on every render, even concurrent ones', async () => {
    // vega names clip paths from a module-wide counter; a clipped mark shows whether it is reset.
    const clipped = { ...(latency.spec as object), mark: { type: 'bar', clip: true } };
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
});
