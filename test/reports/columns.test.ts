// The CSV column lists must be the record fields in declaration order (PRODUCT.md: the field names ARE
// the columns). TypeScript checks that no field is missing; this test checks the order, by reading the
// interfaces in sim/metrics/results.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  INSTANCE_COLUMNS,
  LEFTOVER_COLUMNS,
  MESSAGE_COLUMNS,
  QUEUE_LENGTH_COLUMNS,
  SUMMARY_COLUMNS,
  TIMESERIES_COLUMNS,
} from '../../sim/reports/columns.js';

const source = readFileSync(new URL('../../sim/metrics/results.ts', import.meta.url), 'utf8');

function declaredFields(name: string): string[] {
  const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1];
  if (body === undefined) throw new Error(`interface ${name} not found in results.ts`);
  return [...body.matchAll(/^\s+(\w+)\??:/gm)].map((match) => match[1]);
}

describe('CSV columns', () => {
  it.each([
    ['SummaryRow', SUMMARY_COLUMNS],
    ['InstanceRow', INSTANCE_COLUMNS],
    ['TimeseriesRow', TIMESERIES_COLUMNS],
    ['QueueLengthRow', QUEUE_LENGTH_COLUMNS],
    ['LeftoverRow', LEFTOVER_COLUMNS],
    ['MessageRow', MESSAGE_COLUMNS],
  ] as const)('%s fields in declaration order', (name, columns) => {
    const fields = declaredFields(name);
    expect(fields.length).toBeGreaterThan(3);
    expect([...columns]).toEqual(fields);
  });

  it('summary has the columns PRODUCT.md promises', () => {
    for (const column of ['strategy', 'sent', 'completed', 'throughput_per_s', 'latency_mean_ms', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'wait_mean_ms', 'wait_p99_ms']) {
      expect(SUMMARY_COLUMNS).toContain(column);
    }
  });
});
