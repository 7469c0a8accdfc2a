// The utilisation heatmap: one cell per instance and time bucket (merged beyond 100 columns, by mean),
// compiling without a vega-lite warning, and the CSV it comes from.
import { describe, expect, it } from 'vitest';
import type { UtilisationRow } from '../../sim/metrics/results.js';
import { utilisationCsv, utilisationHeatmapChart } from '../../sim/reports/index.js';
import { fixtureResult } from './fixture.js';
import { compileWithWarnings } from './vega-lite-strict.js';

function withUtilisation(buckets: number) {
  const result = fixtureResult();
  for (const run of result.runs) {
    const rows: UtilisationRow[] = [];
    for (let b = 1; b <= buckets; b++) {
      rows.push({ strategy: run.summary.strategy, variant: '', time_s: b, instance: 'w1', machine: 'm1', utilisation: b % 2 === 0 ? 1 : 0.5 });
      rows.push({ strategy: run.summary.strategy, variant: '', time_s: b, instance: 'w2', machine: 'm2', utilisation: 0 });
    }
    run.utilisation = rows;
  }
  return result;
}

type Cell = { strategy: string; instance: string; start_s: number; time_s: number; utilisation: number };

describe('utilisation heatmap', () => {
  it('has one cell per instance and bucket, labelled with the machine when it differs', () => {
    const spec = utilisationHeatmapChart(withUtilisation(4)) as { data: { values: Cell[] } };
    const cells = spec.data.values.filter((c) => c.strategy === 'distributor');
    expect(cells).toHaveLength(8);
    expect(cells.slice(0, 2)).toEqual([
      { strategy: 'distributor', instance: 'w1 on m1', start_s: 0, time_s: 1, utilisation: 0.5 },
      { strategy: 'distributor', instance: 'w2 on m2', start_s: 0, time_s: 1, utilisation: 0 },
    ]);
  });

  it('merges long runs to at most 100 columns, averaging', () => {
    const spec = utilisationHeatmapChart(withUtilisation(400)) as { data: { values: Cell[] } };
    const w1 = spec.data.values.filter((c) => c.strategy === 'distributor' && c.instance === 'w1 on m1');
    expect(w1).toHaveLength(100);
    expect(w1[0]).toMatchObject({ start_s: 0, time_s: 4, utilisation: 0.75 });
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
