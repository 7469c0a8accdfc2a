// The CSV column lists must be the record fields in declaration order (PRODUCT.md: the field names ARE
// the columns). TypeScript checks that no field is missing; this test checks the order, by reading the
// interfaces in sim/metrics/results.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ENDPOINT_COLUMNS,
  INSTANCE_COLUMNS,
  LEFTOVER_COLUMNS,
  MACHINE_COLUMNS,
  MESSAGE_COLUMNS,
  QUEUE_LENGTH_COLUMNS,
  SUMMARY_COLUMNS,
  TIMESERIES_COLUMNS,
} from '../../sim/reports/index.js';

const source = readFileSync(new URL('../../sim/metrics/results.ts', import.meta.url), 'utf8');

function declaredFields(name: string): string[] {
  const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1];
  if (body === undefined) throw new Error(`interface ${name} not found in results.ts`);
  return [...body.matchAll(/^\s+(\w+)\??:/gm)].map((match) => match[1]);
}

describe('CSV columns', () => {
  it.each([
    ['SummaryRow', SUMMARY_COLUMNS],
    ['EndpointRow', ENDPOINT_COLUMNS],
    ['InstanceRow', INSTANCE_COLUMNS],
    ['MachineRow', MACHINE_COLUMNS],
    ['TimeseriesRow', TIMESERIES_COLUMNS],
    ['QueueLengthRow', QUEUE_LENGTH_COLUMNS],
    ['LeftoverRow', LEFTOVER_COLUMNS],
    ['MessageRow', MESSAGE_COLUMNS],
  ] as const)('%s fields in declaration order', (name, columns) => {
    const fields = declaredFields(name);
    expect(fields.length).toBeGreaterThan(3);
    expect([...columns]).toEqual(fields);
  });

  it('every file has the variant column right after strategy', () => {
    for (const columns of [SUMMARY_COLUMNS, ENDPOINT_COLUMNS, INSTANCE_COLUMNS, MACHINE_COLUMNS, TIMESERIES_COLUMNS, QUEUE_LENGTH_COLUMNS, LEFTOVER_COLUMNS, MESSAGE_COLUMNS]) {
      expect(columns.slice(0, 2)).toEqual(['strategy', 'variant']);
    }
  });

  it('summary has the columns PRODUCT.md promises, and the ledger in order', () => {
    for (const column of ['strategy', 'sent', 'completed', 'throughput_per_s', 'latency_mean_ms', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'wait_mean_ms', 'wait_p99_ms']) {
      expect(SUMMARY_COLUMNS).toContain(column);
    }
    const ledger = SUMMARY_COLUMNS.indexOf('sent');
    expect(SUMMARY_COLUMNS.slice(ledger, ledger + 9)).toEqual(['sent', 'completed', 'queued_at_end', 'in_flight_at_end', 'lost', 'failed', 'retries', 'events_missed', 'measured']);
  });
});
