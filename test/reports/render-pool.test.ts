// Charts drawn on the render threads are byte for byte the charts drawn in this thread.
import { describe, expect, it } from 'vitest';
import { buildCharts, renderPng, renderSvg } from '../../sim/reports/index.js';
import { startRenderPool } from '../../sim/reports/render/render-pool.js';
import { fixtureResult } from './fixture.js';

describe('startRenderPool', () => {
  it('gives the same SVG and PNG bytes as rendering here, for several charts at once', async () => {
    const specs = buildCharts(fixtureResult()).slice(0, 3).map((c) => c.spec);
    const pool = await startRenderPool(2);
    if (pool === undefined) throw new Error('no render pool: build first (npx tsc -p tsconfig.json)');
    try {
      const drawn = await Promise.all(specs.map((spec) => pool.render(spec, true)));
      for (const [i, spec] of specs.entries()) {
        const svg = await renderSvg(spec);
        expect(drawn[i].svg).toBe(svg);
        expect(drawn[i].png?.equals(renderPng(svg))).toBe(true);
      }
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('is not made for one thread', async () => {
    expect(await startRenderPool(1)).toBeUndefined();
  });
});
