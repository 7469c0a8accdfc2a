// The comparison table the CLI prints after a run: the summary.csv columns people look at first, one
// row per strategy, aligned for a terminal. Returns text; printing is the CLI's business.
import type { RunResult, SummaryRow } from '../../metrics/results.js';
import { queueLabel } from '../format/queue-label.js';

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

/** First when the scenario has variants: the rows of one variant stay together, in scenario order. */
const VARIANT_COLUMN: Column = { header: 'variant', align: 'left', cell: (row) => row.variant };

const GAP = '  ';

/**
 * The table, then one ledger line for each run that ended with messages not completed (queued, in
 * flight, lost or failed), so "p99 looks fine" is never read without "but 300 messages never finished".
 * With variants (any run's variant is not ''), a variant column comes first and the rows are grouped by
 * variant, in the order the variants first appear (the scenario's order: runs come variants outermost).
 * Lines end with '\n'; no colour codes, no trailing spaces.
 */
export function formatComparisonTable(runs: readonly RunResult[]): string {
  const withVariants = runs.some((run) => run.summary.variant !== '');
  const ordered = withVariants ? groupByVariant(runs) : runs;
  const columns = withVariants ? [VARIANT_COLUMN, ...COLUMNS] : COLUMNS;
  const labels = runLabels(ordered);
  const cells = ordered.map((run, i) => columns.map((column) => column.cell(run.summary, labels[i].strategy)));
  const widths = columns.map((column, c) => Math.max(column.header.length, ...cells.map((row) => row[c].length)));
  const line = (texts: readonly string[]): string =>
    texts
      .map((text, c) => (columns[c].align === 'left' ? text.padEnd(widths[c]) : text.padStart(widths[c])))
      .join(GAP)
      .trimEnd();

  const lines = [line(columns.map((column) => column.header)), ...cells.map(line)];
  const ledger = ordered.flatMap((run, i) => ledgerLine(run, labels[i].ledger) ?? []);
  if (ledger.length > 0) lines.push('', ...ledger);
  return lines.join('\n') + '\n';
}

function ledgerLine(run: RunResult, label: string): string | undefined {
  const s = run.summary;
  if (s.queued_at_end === 0 && s.in_flight_at_end === 0 && s.lost === 0 && s.failed === 0) return undefined;
  let text =
    `${label}: ${s.sent} sent, ${s.completed} completed; at the end ` +
    `${s.queued_at_end} queued, ${s.in_flight_at_end} in flight, ${s.lost} lost`;
  // Failed messages are in the error queue after every retry: rare, and worth saying only when there are any.
  if (s.failed !== 0) text += `, ${s.failed} failed`;
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

/** The runs of each variant together, variants in order of first appearance, runs in order within each. */
function groupByVariant(runs: readonly RunResult[]): RunResult[] {
  const groups = new Map<string, RunResult[]>();
  for (const run of runs) {
    const group = groups.get(run.summary.variant);
    if (group === undefined) groups.set(run.summary.variant, [run]);
    else group.push(run);
  }
  return [...groups.values()].flat();
}

interface RunLabel {
  /** For the strategy column: the strategy name, plus the seed when the strategy has several runs (replications). */
  strategy: string;
  /** For the ledger line, which has no variant column: the variant too, when there is one. */
  ledger: string;
}

function runLabels(runs: readonly RunResult[]): RunLabel[] {
  // A replication is a second run of the same strategy in the same variant.
  const key = (s: SummaryRow): string => JSON.stringify([s.variant, s.strategy]);
  const counts = new Map<string, number>();
  for (const { summary } of runs) counts.set(key(summary), (counts.get(key(summary)) ?? 0) + 1);
  return runs.map(({ summary }) => {
    const replicated = (counts.get(key(summary)) ?? 0) > 1;
    const notes = [...(summary.variant !== '' ? [`variant ${summary.variant}`] : []), ...(replicated ? [`seed ${summary.seed}`] : [])];
    return {
      strategy: replicated ? `${summary.strategy} (seed ${summary.seed})` : summary.strategy,
      ledger: notes.length > 0 ? `${summary.strategy} (${notes.join(', ')})` : summary.strategy,
    };
  });
}

/** Fixed decimals; '-' for a statistic with no data (NaN), so a column never shows "NaN". */
function fixed(x: number, decimals: number): string {
  if (Number.isNaN(x)) return '-';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  // toFixed(-0.04, 1) is "-0.0"; a table should not show negative zero.
  const text = x.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
