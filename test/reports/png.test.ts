import { describe, expect, it } from 'vitest';
import { buildCharts, PNG_SCALE, renderPng, renderSvg, buildSweepCharts } from '../../sim/reports/index.js';
import { svgSize } from '../../sim/reports/html/html-report.js';
import { fixtureResult } from './fixture.js';
import { sweepFixture } from './sweep-fixture.js';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which follows the 8-byte signature and its 8-byte header. */
function size(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderPng', () => {
  it('turns a chart SVG into a PNG of its own size in pixels, the same bytes every time', async () => {
    const svg = await renderSvg(buildSweepCharts(sweepFixture())[0].spec);
    const png = renderPng(svg);
    expect([...png.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const drawn = svgSize(svg);
    expect(PNG_SCALE).toBe(1);
    expect(drawn.width).toBeGreaterThan(500);
    expect(size(png)).toEqual({ width: Math.ceil(drawn.width * PNG_SCALE), height: Math.ceil(drawn.height * PNG_SCALE) });
    expect(size(png).height).toBeGreaterThan(300);
    expect(renderPng(svg).equals(png)).toBe(true);
  }, 30_000);

  it('draws the text (a chart with its title differs from one without)', async () => {
    const spec = buildCharts(fixtureResult())[0].spec as Record<string, unknown>;
    const titled = renderPng(await renderSvg(spec));
    const untitled = renderPng(await renderSvg({ ...spec, title: { text: ' ', subtitle: ' ' } }));
    expect(titled.equals(untitled)).toBe(false);
  }, 30_000);

  it('rejects text that is not SVG', () => {
    expect(() => renderPng('not an svg')).toThrow();
  });
});
