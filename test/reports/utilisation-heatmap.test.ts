// The utilisation heatmap: one cell per instance and time bucket (merged beyond 100 columns, by mean),
// compiling without a vega-lite warning, and the CSV it comes from.
import { describe, expect, it } from 'vitest';
import type { UtilisationRow } from '../../sim/metrics/results.js';
import { utilisationCsv, utilisationHeatmapChart } from '../../sim/reports/index.js';
import { HEATMAP_CELLS } from '../../sim/reports/charts/heatmap-columns.js';
import { fixtureResult } from './fixture.js';
import { compileWithWarnings } from './vega-lite-strict.js';

function withUtilisation(buckets: number) {
  const result = fixtureResult();
  for (const run of result.runs) {
    const rows: UtilisationRow[] = [];
    for (let b = 1; b <= buckets; b++) {
      rows.push({ strategy: run.summary.strategy, variant: '', time_s: b, instance: 'w1', machine: 'm1', utilisation: b % 2 === 0 ? 1 : 0.5 });
      rows.push({ strategy: run.summary.strategy, variant: '', time_s: b, instance: 'w2', machine: 'm2', utilisation: 0 });
      // Busy for three buckets of every eight from the first: merged four at a time, 0.8125 (drawn as 0.81) and 0.25 by turns.
      rows.push({ strategy: run.summary.strategy, variant: '', time_s: b, instance: 'w3', machine: 'w3', utilisation: b % 8 >= 1 && b % 8 <= 3 ? 1 : 0.25 });
    }
    run.utilisation = rows;
  }
  return result;
}

type Cell = { strategy: string; instance: string; start_s: number; time_s: number; utilisation: number };

describe('utilisation heatmap', () => {
  it('has one cell per instance and bucket, labelled with the machine when it differs; equal neighbours are one cell', () => {
    const spec = utilisationHeatmapChart(withUtilisation(4)) as { data: { values: Cell[] }; spec: { encoding: { x: { scale: object } } } };
    const cells = spec.data.values.filter((c) => c.strategy === 'distributor');
    expect(cells.filter((c) => c.instance === 'w1 on m1')).toEqual([
      { strategy: 'distributor', instance: 'w1 on m1', start_s: 0, time_s: 1, utilisation: 0.5 },
      { strategy: 'distributor', instance: 'w1 on m1', start_s: 1, time_s: 2, utilisation: 1 },
      { strategy: 'distributor', instance: 'w1 on m1', start_s: 2, time_s: 3, utilisation: 0.5 },
      { strategy: 'distributor', instance: 'w1 on m1', start_s: 3, time_s: 4, utilisation: 1 },
    ]);
    // Idle throughout: one white cell over the whole run, so the instance is still listed.
    expect(cells.filter((c) => c.instance === 'w2 on m2')).toEqual([{ strategy: 'distributor', instance: 'w2 on m2', start_s: 0, time_s: 4, utilisation: 0 }]);
    expect(cells.filter((c) => c.instance === 'w3')).toEqual([
      { strategy: 'distributor', instance: 'w3', start_s: 0, time_s: 3, utilisation: 1 },
      { strategy: 'distributor', instance: 'w3', start_s: 3, time_s: 4, utilisation: 0.25 },
    ]);
    // The time axis still spans the whole run.
    expect(spec.spec.encoding.x.scale).toEqual({ nice: false, domain: [0, 4] });
  });

  it('merges long runs to at most 100 columns, averaging', () => {
    const spec = utilisationHeatmapChart(withUtilisation(400)) as { data: { values: Cell[] } };
    const w3 = spec.data.values.filter((c) => c.strategy === 'distributor' && c.instance === 'w3');
    expect(w3).toHaveLength(100);
    expect(w3.slice(0, 2)).toMatchObject([
      { start_s: 0, time_s: 4, utilisation: 0.81 }, // 0.8125 to a whole percent
      { start_s: 4, time_s: 8, utilisation: 0.25 },
    ]);
    // Every merged column of w1 has the same mean, 0.75: one cell.
    const w1 = spec.data.values.filter((c) => c.strategy === 'distributor' && c.instance === 'w1 on m1');
    expect(w1).toEqual([{ strategy: 'distributor', instance: 'w1 on m1', start_s: 0, time_s: 400, utilisation: 0.75 }]);
  });

  it('leaves idle cells out where an instance was busy at other times: white on white', () => {
    const result = withUtilisation(4);
    for (const run of result.runs) for (const row of run.utilisation) if (row.instance === 'w1' && row.time_s === 2) row.utilisation = 0;
    const spec = utilisationHeatmapChart(result) as { data: { values: Cell[] } };
    const w1 = spec.data.values.filter((c) => c.strategy === 'distributor' && c.instance === 'w1 on m1');
    expect(w1.map((c) => [c.start_s, c.time_s, c.utilisation])).toEqual([
      [0, 1, 0.5],
      [2, 3, 0.5],
      [3, 4, 1],
    ]);
  });

  it('has fewer columns where it has many rows, so that its cells stay within HEATMAP_CELLS', () => {
    const result = fixtureResult();
    for (const run of result.runs) {
      run.utilisation = [];
      for (let b = 1; b <= 400; b++) {
        // 120 instances a run, 240 rows in all: 25 columns of 16 buckets each (100 of 4 without the bound).
        // Rising, so that no two neighbouring columns have one value and merge.
        for (let i = 0; i < 120; i++) run.utilisation.push({ strategy: run.summary.strategy, variant: '', time_s: b, instance: `w${i}`, machine: `w${i}`, utilisation: ((b - 1) % 100) / 100 });
      }
    }
    const cells = (utilisationHeatmapChart(result) as { data: { values: Cell[] } }).data.values;
    expect(cells.length).toBeLessThanOrEqual(HEATMAP_CELLS);
    expect(cells.length).toBe(240 * 25);
    expect(cells[1]).toMatchObject({ instance: 'w0', start_s: 16, time_s: 32 });
  });

  it('compiles without warnings', () => {
    expect(compileWithWarnings(utilisationHeatmapChart(withUtilisation(10))).warnings).toEqual([]);
  });

  it('writes utilisation.csv', () => {
    const csv = utilisationCsv(withUtilisation(1).runs);
    expect(csv.split('\n').slice(0, 3)).toEqual([
      'strategy,variant,time_s,instance,machine,utilisation',
      'distributor,,1,w1,m1,0.5',
      'distributor,,1,w2,m2,0',
    ]);
  });
});
