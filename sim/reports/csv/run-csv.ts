// The small CSV files of a report (summary, endpoints, instances, machines, time series, queue lengths,
// leftovers), built in memory with csv-stringify. messages.csv can be huge and is streamed instead
// (messages-csv.ts).
import { stringify } from 'csv-stringify/sync';
import type { RunResult } from '../../metrics/results.js';
import {
  ENDPOINT_COLUMNS,
  INSTANCE_COLUMNS,
  LEFTOVER_COLUMNS,
  FAULT_COLUMNS,
  MACHINE_COLUMNS,
  UTILISATION_COLUMNS,
  QUEUE_LENGTH_COLUMNS,
  SUMMARY_COLUMNS,
  TIMESERIES_COLUMNS,
} from './columns.js';
import { formatNumber } from '../format/number-format.js';

/**
 * CSV text with a header row of `columns` and one line per row, '\n' line ends, quoting only where
 * needed. Numbers as formatNumber writes them; booleans as true/false (csv-stringify's default is 1/'').
 */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return stringify(rows as unknown as Record<string, unknown>[], {
    header: true,
    columns: [...columns],
    record_delimiter: '\n',
    cast: {
      number: formatNumber,
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}

export function summaryCsv(runs: readonly RunResult[]): string {
  return toCsv(
    runs.map((run) => run.summary),
    SUMMARY_COLUMNS,
  );
}

export function endpointsCsv(runs: readonly RunResult[]): string {
  return toCsv(
    runs.flatMap((run) => run.endpoints),
    ENDPOINT_COLUMNS,
  );
}

export function faultsCsv(runs: readonly RunResult[]): string {
  return toCsv(
    runs.flatMap((run) => run.faults),
    FAULT_COLUMNS,
  );
}

export function machinesCsv(runs: readonly RunResult[]): string {
  return toCsv(
    runs.flatMap((run) => run.machines),
    MACHINE_COLUMNS,
  );
}

export function instancesCsv(runs: readonly RunResult[]): string {
  return toCsv(
    runs.flatMap((run) => run.instances),
    INSTANCE_COLUMNS,
  );
}

export function timeseriesCsv(runs: readonly RunResult[]): string {
  return toCsv(
    runs.flatMap((run) => run.timeseries),
    TIMESERIES_COLUMNS,
  );
}

export function utilisationCsv(runs: readonly RunResult[]): string {
  return toCsv(
    runs.flatMap((run) => run.utilisation),
    UTILISATION_COLUMNS,
  );
}

export function queueLengthsCsv(runs: readonly RunResult[]): string {
  return toCsv(
    runs.flatMap((run) => run.queueLengths),
    QUEUE_LENGTH_COLUMNS,
  );
}

export function leftoversCsv(runs: readonly RunResult[]): string {
  return toCsv(
    runs.flatMap((run) => run.leftovers),
    LEFTOVER_COLUMNS,
  );
}
