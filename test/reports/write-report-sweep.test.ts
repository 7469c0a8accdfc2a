// writeReport's additions: a sweep's files, PNGs beside the SVGs, and report.html. The ordinary run's
// defaults are covered by write-report.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioResult, SweepResult } from '../../sim/metrics/results.js';
import {
  beginOutput,
  MARKER,
  type ReportOptions,
  isSweepResult,
  writeReport,
  planCsv,
  sweepCsv,
  sweepSummaryCsv,
} from '../../sim/reports/index.js';
import { fixtureResult } from './fixture.js';
import { sweepFixture } from './sweep-fixture.js';

const SWEEP_CHARTS = ['sweep-latency', 'sweep-utilisation', 'sweep-wait-theory'];

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'write-report-sweep-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function report(dir: string, result: ScenarioResult | SweepResult, opts: ReportOptions): Promise<string[]> {
  const output = beginOutput(dir);
  try {
    const files = await writeReport(result, output, opts);
    output.commit();
    return files;
  } finally {
    output.abort();
  }
}

describe('writeReport with a sweep', () => {
  it('tells a sweep from an ordinary run', () => {
    expect(isSweepResult(sweepFixture())).toBe(true);
    expect(isSweepResult(fixtureResult())).toBe(false);
  });

  it('writes sweep.csv, sweep-summary.csv, plan.csv and the sweep chart specs', async () => {
    const dir = join(root, 'sweep');
    const files = await report(dir, sweepFixture(), { svg: false });
    const expected = ['plan.csv', 'sweep-summary.csv', 'sweep.csv', ...SWEEP_CHARTS.map((c) => `${c}.vl.json`)].sort();
    expect(files).toEqual(expected);
    expect(readdirSync(dir).filter((f) => f !== MARKER).sort()).toEqual(expected);
    expect(readFileSync(join(dir, 'sweep.csv'), 'utf8')).toBe(sweepCsv(sweepFixture()));
    expect(readFileSync(join(dir, 'sweep-summary.csv'), 'utf8')).toBe(sweepSummaryCsv(sweepFixture()));
    expect(readFileSync(join(dir, 'plan.csv'), 'utf8')).toBe(planCsv(sweepFixture()));
  });

  it('leaves plan.csv out when the scenario has no SLA', async () => {
    const fixture = sweepFixture();
    const files = await report(join(root, 'no-sla'), { ...fixture, scenario: { ...fixture.scenario, sla: undefined }, plan: [] }, { svg: false });
    expect(files).not.toContain('plan.csv');
  });

  it('adds an SVG and a PNG per chart and report.html when asked, byte-identical from run to run', async () => {
    const opts = { svg: true, png: true, html: true };
    const files = await report(join(root, 'a'), sweepFixture(), opts);
    await report(join(root, 'b'), sweepFixture(), opts);
    expect(files.filter((f) => f.endsWith('.png'))).toEqual(SWEEP_CHARTS.map((c) => `${c}.png`));
    expect(files.filter((f) => f.endsWith('.svg'))).toEqual(SWEEP_CHARTS.map((c) => `${c}.svg`));
    expect(files).toContain('report.html');
    for (const file of files) {
      const a = readFileSync(join(root, 'a', file));
      expect(a.equals(readFileSync(join(root, 'b', file))), file).toBe(true);
      if (file.endsWith('.png')) expect(a.subarray(1, 4).toString()).toBe('PNG');
    }
  }, 60_000);
});

describe('writeReport options on an ordinary run', () => {
  it('writes PNGs without SVGs when only png is asked for', async () => {
    const files = await report(join(root, 'png'), fixtureResult(), { svg: false, png: true });
    expect(files.filter((f) => f.endsWith('.svg'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(files.filter((f) => f.endsWith('.vl.json')).length);
    expect(files).toContain('queue-heatmap.png');
  }, 60_000);

  it('writes report.html with every chart and the findings, computed when not given', async () => {
    const dir = join(root, 'html');
    const files = await report(dir, fixtureResult(), { svg: false, html: true });
    expect(files).toContain('report.html');
    expect(files.some((f) => f.endsWith('.png') || f.endsWith('.svg'))).toBe(false);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const chart of files.filter((f) => f.endsWith('.vl.json')).map((f) => f.replace('.vl.json', ''))) {
      expect(html).toContain(`data-chart="${chart}"`);
    }
    expect(html).toContain('id="findings"');
    const given = await report(join(root, 'given'), fixtureResult(), { svg: false, html: true, findings: ['a finding of ours'] });
    expect(given).toContain('report.html');
    expect(readFileSync(join(root, 'given', 'report.html'), 'utf8')).toContain('<li>a finding of ours</li>');
  }, 60_000);
});
