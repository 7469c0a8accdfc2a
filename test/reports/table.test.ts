import { describe, expect, it } from 'vitest';
import { formatComparisonTable } from '../../sim/reports/index.js';
import { fixtureResult, variantFixtureResult } from './fixture.js';

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
    const run = { ...roundRobin, leftovers: [{ strategy: 'round-robin', variant: '', queue: 'Sales@m1', machine: 'm1', messages: 40 }] };
    expect(formatComparisonTable([run]).split('\n')[3]).toBe(
      'round-robin: 1000 sent, 950 completed; at the end 40 queued, 8 in flight, 2 lost (most in Sales@m1: 40)',
    );
  });

  it('is just the header for no runs', () => {
    expect(formatComparisonTable([])).toBe('strategy  throughput/s  latency mean (ms)  p50 (ms)  p95 (ms)  p99 (ms)  wait mean (ms)\n');
  });

  it('mentions failed messages in the ledger line, and only when there are any', () => {
    const [, roundRobin] = fixtureResult().runs;
    roundRobin.summary.failed = 5;
    roundRobin.summary.completed = 945;
    expect(formatComparisonTable([roundRobin]).split('\n')[3]).toBe(
      'round-robin: 1000 sent, 945 completed; at the end 40 queued, 8 in flight, 2 lost, 5 failed (most in Sales on m1: 38)',
    );
  });

  it('with variants: a variant column first, and the variant in the ledger line', () => {
    expect(formatComparisonTable(variantFixtureResult().runs)).toBe(
      [
        'variant  strategy     throughput/s  latency mean (ms)  p50 (ms)  p95 (ms)  p99 (ms)  wait mean (ms)',
        'short    distributor          7.99               12.5       8.0      30.0      45.3            11.5',
        'short    round-robin          7.99                2.5       2.0       6.0       9.1             1.5',
        'long     distributor          7.99             1210.0    1100.0    2900.0    3950.0           210.0',
        'long     round-robin          7.99             1800.0    1400.0    5200.0    7000.0           800.0',
        '',
        'round-robin (variant long): 1000 sent, 997 completed; at the end 0 queued, 0 in flight, 0 lost, 3 failed',
        '',
      ].join('\n'),
    );
  });

  it('groups the rows by variant, in the order the variants first appear', () => {
    const [shortDistributor, shortRoundRobin, longDistributor, longRoundRobin] = variantFixtureResult().runs;
    const lines = formatComparisonTable([shortDistributor, longDistributor, shortRoundRobin, longRoundRobin]).split('\n');
    expect(lines.slice(1, 5).map((line) => line.split(/ +/).slice(0, 2).join(' '))).toEqual([
      'short distributor',
      'short round-robin',
      'long distributor',
      'long round-robin',
    ]);
  });

  it('labels replications within a variant by seed, and names both in the ledger', () => {
    const [, , , longRoundRobin] = variantFixtureResult().runs;
    const again = structuredClone(longRoundRobin);
    again.summary.seed = 7;
    again.summary.failed = 0;
    again.summary.queued_at_end = 3;
    expect(formatComparisonTable([longRoundRobin, again])).toBe(
      [
        'variant  strategy               throughput/s  latency mean (ms)  p50 (ms)  p95 (ms)  p99 (ms)  wait mean (ms)',
        'long     round-robin (seed 42)          7.99             1800.0    1400.0    5200.0    7000.0           800.0',
        'long     round-robin (seed 7)           7.99             1800.0    1400.0    5200.0    7000.0           800.0',
        '',
        'round-robin (variant long, seed 42): 1000 sent, 997 completed; at the end 0 queued, 0 in flight, 0 lost, 3 failed',
        'round-robin (variant long, seed 7): 1000 sent, 997 completed; at the end 3 queued, 0 in flight, 0 lost',
        '',
      ].join('\n'),
    );
  });
});
