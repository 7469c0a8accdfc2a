import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCharts, beginOutput, MARKER, writeReport } from '../../sim/reports/index.js';
import type { ScenarioResult } from '../../sim/metrics/results.js';
import { fixtureResult, variantFixtureResult } from './fixture.js';

const CSV_FILES = ['endpoints.csv', 'instances.csv', 'leftovers.csv', 'machines.csv', 'queue-lengths.csv', 'summary.csv', 'timeseries.csv', 'utilisation.csv'];
const CHARTS = ['instances', 'latency', 'latency-cdf', 'machines', 'queue-heatmap', 'queue-length', 'queue-lengths', 'throughput', 'utilisation-heatmap'];

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'write-report-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function report(dir: string, svg: boolean, result: ScenarioResult = fixtureResult()): Promise<string[]> {
  const output = beginOutput(dir);
  try {
    const files = await writeReport(result, output, { svg });
    output.commit();
    return files;
  } finally {
    output.abort();
  }
}

describe('writeReport', () => {
  it('writes the CSV files and pretty-printed specs, and names them sorted', async () => {
    const dir = join(root, 'out');
    const files = await report(dir, false);
    const expected = [...CSV_FILES, ...CHARTS.map((c) => `${c}.vl.json`)].sort();
    expect(files).toEqual(expected);
    expect(readdirSync(dir).filter((f) => f !== MARKER).sort()).toEqual(expected);

    const text = readFileSync(join(dir, 'latency.vl.json'), 'utf8');
    expect(text.startsWith('{\n  "$schema": "https://vega.github.io/schema/vega-lite/v6.json",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(buildCharts(fixtureResult())[0].spec);
    expect(readFileSync(join(dir, 'leftovers.csv'), 'utf8')).toBe(
      'strategy,variant,queue,machine,messages\nround-robin,,Sales,m1,38\nround-robin,,"web, replies",m1,2\n',
    );
    expect(readFileSync(join(dir, 'machines.csv'), 'utf8').split('\n')[1]).toBe('distributor,,m1,2,9000,0.5625,0,3');
    expect(readFileSync(join(dir, 'endpoints.csv'), 'utf8').split('\n')[1]).toBe('distributor,,Sales,900,0,7.98765,204.6,1234.57,4.6,55,200');
  });

  it('adds one SVG per chart when asked, byte-identical from run to run', async () => {
    const files = await report(join(root, 'a'), true);
    await report(join(root, 'b'), true);
    expect(files.filter((f) => f.endsWith('.svg'))).toEqual(CHARTS.map((c) => `${c}.svg`).sort());
    expect(files).toHaveLength(CSV_FILES.length + 2 * CHARTS.length);
    for (const file of files) {
      const a = readFileSync(join(root, 'a', file));
      expect(a.equals(readFileSync(join(root, 'b', file))), file).toBe(true);
      if (file.endsWith('.svg')) expect(a.subarray(0, 4).toString()).toBe('<svg');
    }
  }, 30_000);

  it('with variants, adds latency-by-variant and writes the variant into every CSV file', async () => {
    const dir = join(root, 'variants');
    const files = await report(dir, true, variantFixtureResult());
    const charts = [...CHARTS, 'latency-by-variant'];
    expect(files).toEqual([...CSV_FILES, ...charts.flatMap((c) => [`${c}.vl.json`, `${c}.svg`])].sort());
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8').split('\n').map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      'strategy,variant',
      'distributor,short',
      'round-robin,short',
      'distributor,long',
      'round-robin,long',
      '',
    ]);
    expect(readFileSync(join(dir, 'machines.csv'), 'utf8').split('\n')[1]).toBe('distributor,short,m1,2,7000,0.92,0,4');
    expect(readFileSync(join(dir, 'latency-by-variant.svg'), 'utf8')).toContain('fixture: latency by variant');
  }, 30_000);
});
