// `sim run` end to end through the built binary: good runs, determinism, flags.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, tempDir } from './run-cli.js';

const SAMPLE = 'scenarios/scale-out-sample.yaml';
const CONTRACT_COLUMNS = [
  'strategy', 'sent', 'completed', 'throughput_per_s', 'latency_mean_ms', 'latency_p50_ms',
  'latency_p95_ms', 'latency_p99_ms', 'wait_mean_ms', 'wait_p99_ms',
  'queued_at_end', 'in_flight_at_end', 'lost',
];

function csvRows(file: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

describe('sim run', () => {
  const out = path.join(tempDir(), 'sample');
  const first = sim('run', SAMPLE, '--out', out, '--messages-csv');

  it('runs the sample, prints the comparison table and exits 0', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^scale-out-sample: seed 1, 4 strategies\n/);
    expect(first.stdout).toMatch(/strategy\s+throughput\/s\s+latency mean \(ms\)\s+p50 \(ms\)\s+p95 \(ms\)\s+p99 \(ms\)\s+wait mean \(ms\)/);
    for (const s of ['distributor', 'round-robin', 'random', 'shared-queue']) expect(first.stdout).toMatch(new RegExp(`\\n${s}\\s+8\\.\\d\\d\\s`));
    expect(first.stdout).toContain(`wrote 38 files to ${out}${path.sep}`);
  });

  it('writes the CSV files, Vega-Lite specs and their SVG renders', () => {
    const files = readdirSync(out).sort();
    for (const f of ['summary.csv', 'instances.csv', 'timeseries.csv', 'queue-lengths.csv', 'leftovers.csv', 'messages.csv']) {
      expect(files).toContain(f);
    }
    const specs = files.filter((f) => f.endsWith('.vl.json'));
    expect(specs.length).toBeGreaterThanOrEqual(5);
    for (const spec of specs) {
      expect(files).toContain(spec.replace('.vl.json', '.svg'));
      expect(JSON.parse(readFileSync(path.join(out, spec), 'utf8')).$schema).toMatch(/vega-lite\/v6/);
      expect(readFileSync(path.join(out, spec.replace('.vl.json', '.svg')), 'utf8')).toMatch(/^<svg/);
    }
  });

  it('summary.csv has the contract columns and a balanced ledger in every row', () => {
    const rows = csvRows(path.join(out, 'summary.csv'));
    expect(rows.map((r) => r.strategy)).toEqual(['distributor', 'round-robin', 'random', 'shared-queue']);
    for (const column of CONTRACT_COLUMNS) expect(Object.keys(rows[0])).toContain(column);
    for (const r of rows) {
      expect(Number(r.sent)).toBe(20000);
      expect(Number(r.completed) + Number(r.queued_at_end) + Number(r.in_flight_at_end) + Number(r.lost)).toBe(20000);
      expect(Number(r.measured)).toBe(19000);
      expect(Number(r.latency_p99_ms)).toBeGreaterThan(Number(r.latency_p50_ms));
    }
  });

  it('messages.csv has one row per message and strategy with every hop', () => {
    const rows = csvRows(path.join(out, 'messages.csv'));
    expect(rows).toHaveLength(4 * 20000);
    const viaDistributor = rows.find((r) => r.strategy === 'distributor' && r.id === '5');
    const direct = rows.find((r) => r.strategy === 'round-robin' && r.id === '5');
    expect(viaDistributor && direct).toBeTruthy();
    if (!viaDistributor || !direct) return;
    const hops = ['sent_ms', 'queued_ms', 'forwarded_ms', 'delivered_ms', 'started_ms', 'completed_ms'].map((h) => Number(viaDistributor[h]));
    for (let i = 1; i < hops.length; i++) expect(hops[i]).toBeGreaterThanOrEqual(hops[i - 1]);
    expect(direct.forwarded_ms).toBe('');
    expect(direct.sent_ms).toBe(viaDistributor.sent_ms);
    expect(direct.service_ms).toBe(viaDistributor.service_ms);
  });

  it('is deterministic: the same scenario and seed give byte-identical files', () => {
    const again = path.join(tempDir(), 'again');
    const second = sim('run', SAMPLE, '--out', again, '--messages-csv');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout.replace(out, again));
    const files = readdirSync(out).sort();
    expect(readdirSync(again).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, f))), f).toBe(true);
  });

  it('--seed overrides the scenario seed', () => {
    const dir = path.join(tempDir(), 'seeded');
    const run = sim('run', SAMPLE, '--out', dir, '--seed', '7', '--no-svg', '--strategy', 'round-robin');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^scale-out-sample: seed 7, 1 strategy\n/);
    const rows = csvRows(path.join(dir, 'summary.csv'));
    expect(rows.map((r) => [r.strategy, r.seed])).toEqual([['round-robin', '7']]);
    const original = csvRows(path.join(out, 'summary.csv')).find((r) => r.strategy === 'round-robin');
    expect(rows[0].latency_mean_ms).not.toBe(original?.latency_mean_ms);
    expect(existsSync(path.join(dir, 'latency.svg'))).toBe(false);
  });
});

describe('sim schema', () => {
  it('prints a JSON Schema describing every top-level key', () => {
    const result = sim('schema');
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, { description?: string }> };
    for (const key of ['name', 'seed', 'stop', 'warmup', 'transport', 'machines', 'endpoints', 'senders', 'strategies']) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
    }
  });
});
