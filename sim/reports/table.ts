// The comparison table the CLI prints after a run: the summary.csv columns people look at first, one
// row per strategy, aligned for a terminal. Returns text; printing is the CLI's business.
import type { RunResult, SummaryRow } from '../metrics/results.js';
import { queueLabel } from './queue-label.js';

interface Column {
  header: string;
  /** Text columns are left-aligned, numbers right-aligned so their decimal points line up. */
  align: 'left' | 'right';
  cell(row: SummaryRow, label: string): string;
}

const COLUMNS: readonly Column[] = [
  { header: 'strategy', align: 'left', cell: (_row, label) => label },
  { header: 'throughput/s', align: 'right', cell: (row) => fixed(row.throughput_per_s, 2) },
  { header: 'latency mean (ms)', align: 'right', cell: (row) => fixed(row.latency_mean_ms, 1) },
  { header: 'p50 (ms)', align: 'right', cell: (row) => fixed(row.latency_p50_ms, 1) },
  { header: 'p95 (ms)', align: 'right', cell: (row) => fixed(row.latency_p95_ms, 1) },
  { header: 'p99 (ms)', align: 'right', cell: (row) => fixed(row.latency_p99_ms, 1) },
  { header: 'wait mean (ms)', align: 'right', cell: (row) => fixed(row.wait_mean_ms, 1) },
];

const GAP = '  ';

/**
 * The table, then one ledger line for each strategy that ended with messages not completed (queued,
 * in flight or lost), so "p99 looks fine" is never read without "but 300 messages never finished".
 * Lines end with '\n'; no colour codes, no trailing spaces.
 */
export function formatComparisonTable(runs: readonly RunResult[]): string {
  const labels = runLabels(runs);
  const cells = runs.map((run, i) => COLUMNS.map((column) => column.cell(run.summary, labels[i])));
  const widths = COLUMNS.map((column, c) => Math.max(column.header.length, ...cells.map((row) => row[c].length)));
  const line = (texts: readonly string[]): string =>
    texts
      .map((text, c) => (COLUMNS[c].align === 'left' ? text.padEnd(widths[c]) : text.padStart(widths[c])))
      .join(GAP)
      .trimEnd();

  const lines = [line(COLUMNS.map((column) => column.header)), ...cells.map(line)];
  const ledger = runs.flatMap((run, i) => ledgerLine(run, labels[i]) ?? []);
  if (ledger.length > 0) lines.push('', ...ledger);
  return lines.join('\n') + '\n';
}

function ledgerLine(run: RunResult, label: string): string | undefined {
  const s = run.summary;
  if (s.queued_at_end === 0 && s.in_flight_at_end === 0 && s.lost === 0) return undefined;
  let text =
    `${label}: ${s.sent} sent, ${s.completed} completed; at the end ` +
    `${s.queued_at_end} queued, ${s.in_flight_at_end} in flight, ${s.lost} lost`;
  // Name the queue holding most of the leftovers: usually the whole story (a dead or slow worker).
  const worst = run.leftovers.reduce<RunResult['leftovers'][number] | undefined>(
    (best, row) => (best === undefined || row.messages > best.messages ? row : best),
    undefined,
  );
  if (worst !== undefined && worst.messages > 0) {
    text += ` (most in ${queueLabel(worst.queue, worst.machine)}: ${worst.messages})`;
  }
  return text;
}

/** The strategy name, plus the seed when one strategy has several runs (replications). */
function runLabels(runs: readonly RunResult[]): string[] {
  const counts = new Map<string, number>();
  for (const run of runs) counts.set(run.summary.strategy, (counts.get(run.summary.strategy) ?? 0) + 1);
  return runs.map(({ summary }) =>
    (counts.get(summary.strategy) ?? 0) > 1 ? `${summary.strategy} (seed ${summary.seed})` : summary.strategy,
  );
}

/** Fixed decimals; '-' for a statistic with no data (NaN), so a column never shows "NaN". */
function fixed(x: number, decimals: number): string {
  if (Number.isNaN(x)) return '-';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  // toFixed(-0.04, 1) is "-0.0"; a table should not show negative zero.
  const text = x.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
