import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCharts } from '../../sim/reports/charts.js';
import { beginOutput } from '../../sim/reports/output-dir.js';
import { writeReport } from '../../sim/reports/write-report.js';
import { fixtureResult } from './fixture.js';

const CSV_FILES = ['instances.csv', 'leftovers.csv', 'queue-lengths.csv', 'summary.csv', 'timeseries.csv'];
const CHARTS = ['instances', 'latency', 'latency-cdf', 'queue-length', 'queue-lengths', 'throughput'];

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'write-report-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function report(dir: string, svg: boolean): Promise<string[]> {
  const output = beginOutput(dir);
  try {
    const files = await writeReport(fixtureResult(), output, { svg });
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
    expect(readdirSync(dir).sort()).toEqual(expected);

    const text = readFileSync(join(dir, 'latency.vl.json'), 'utf8');
    expect(text.startsWith('{\n  "$schema": "https://vega.github.io/schema/vega-lite/v6.json",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(buildCharts(fixtureResult())[0].spec);
    expect(readFileSync(join(dir, 'leftovers.csv'), 'utf8')).toBe(
      'strategy,queue,machine,messages\nround-robin,Sales,m1,38\nround-robin,"web, replies",m1,2\n',
    );
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
});
