import { describe, expect, it } from 'vitest';
import { formatComparisonTable } from '../../sim/reports/table.js';
import { fixtureResult } from './fixture.js';

describe('formatComparisonTable', () => {
  it('aligns one row per strategy and adds a ledger line for unfinished work', () => {
    expect(formatComparisonTable(fixtureResult().runs)).toBe(
      [
        'strategy     throughput/s  latency mean (ms)  p50 (ms)  p95 (ms)  p99 (ms)  wait mean (ms)',
        'distributor          7.99              204.6     150.3     610.0    1234.6             4.6',
        'round-robin         12.50             1500.0     300.0    9000.5   20000.0               -',
        '',
        'round-robin: 1000 sent, 950 completed; at the end 40 queued, 8 in flight, 2 lost (most in Sales on m1: 38)',
        '',
      ].join('\n'),
    );
  });

  it('has no ledger section when every message completed, and labels replications by seed', () => {
    const [distributor] = fixtureResult().runs;
    const again = { ...distributor, summary: { ...distributor.summary, seed: 7, throughput_per_s: 8 } };
    expect(formatComparisonTable([distributor, again])).toBe(
      [
        'strategy               throughput/s  latency mean (ms)  p50 (ms)  p95 (ms)  p99 (ms)  wait mean (ms)',
        'distributor (seed 42)          7.99              204.6     150.3     610.0    1234.6             4.6',
        'distributor (seed 7)           8.00              204.6     150.3     610.0    1234.6             4.6',
        '',
      ].join('\n'),
    );
  });

  it('names the fullest leftover queue without repeating its machine', () => {
    const [, roundRobin] = fixtureResult().runs;
    const run = { ...roundRobin, leftovers: [{ strategy: 'round-robin', queue: 'Sales@m1', machine: 'm1', messages: 40 }] };
    expect(formatComparisonTable([run]).split('\n')[3]).toBe(
      'round-robin: 1000 sent, 950 completed; at the end 40 queued, 8 in flight, 2 lost (most in Sales@m1: 40)',
    );
  });

  it('is just the header for no runs', () => {
    expect(formatComparisonTable([])).toBe('strategy  throughput/s  latency mean (ms)  p50 (ms)  p95 (ms)  p99 (ms)  wait mean (ms)\n');
  });
});
