// Bounded chart data for the time charts: however long a run, a line is drawn from a few hundred of its
// rows, so a chart's size and its rendering time do not grow with the run. The CSV files keep every row.
//
// The thinning is deterministic and keeps every peak: a series (the rows of one line, in time order)
// longer than SERIES_POINTS is cut into SERIES_POINTS / 2 groups of consecutive buckets, and each group
// keeps the bucket with its smallest value and the one with its largest (in time order), so the line
// still reaches every high and every low; a spike is never averaged away. Then a row whose value equals
// both kept neighbours' is dropped: a straight line through it is the same line. The first and last
// rows, and the rows on either side of a gap (a value that is not a finite number), are always kept.
// Only real rows are kept, never made-up ones, so a tooltip still shows a real bucket. A chart of many
// lines shares a budget of points among them (seriesBudget), so that its size is bounded too.

/** A series longer than this is thinned to at most about this many points. */
export const SERIES_POINTS = 400;

/**
 * A chart of many lines (one per queue of every strategy and variant) shares this many points among
 * them, so a chart's size does not grow with its number of lines either, down to MIN_SERIES_POINTS a
 * line: below that a line would lose its shape, and a chart of that many lines is unreadable anyway.
 */
export const CHART_POINTS = 8000;
export const MIN_SERIES_POINTS = 40;

/** The points each of a chart's `lines` may keep: SERIES_POINTS, or its share of CHART_POINTS when that is less. */
export function seriesBudget(lines: number): number {
  return Math.min(SERIES_POINTS, Math.max(MIN_SERIES_POINTS, Math.floor(CHART_POINTS / Math.max(1, lines))));
}

/**
 * The rows worth drawing, in their original order. `series` names the line a row belongs to; `values`
 * reads what is drawn from a row (its y, or several where one row feeds several lines, such as a value
 * and its moving average: each one's lows and highs are kept). Rows of one series must come in time order.
 */
export function thinSeries<T>(rows: readonly T[], series: (row: T) => string, values: ((row: T) => number)[], points = SERIES_POINTS): T[] {
  const bySeries = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = series(row);
    const list = bySeries.get(key);
    if (list === undefined) bySeries.set(key, [i]);
    else list.push(i);
  });
  const keep = new Uint8Array(rows.length);
  for (const indices of bySeries.values()) {
    const columns = values.map((value) => indices.map((i) => value(rows[i])));
    for (const j of thinColumns(columns, points)) keep[indices[j]] = 1;
  }
  return rows.filter((_, i) => keep[i] === 1);
}

/** The positions kept of one series' values, ascending. */
export function thinOne(values: readonly number[], points = SERIES_POINTS): number[] {
  return thinColumns([values], points);
}

/** The positions kept of a series drawn as several lines (one column of values each), ascending. */
export function thinColumns(columns: readonly (readonly number[])[], points = SERIES_POINTS): number[] {
  const n = columns.length === 0 ? 0 : columns[0].length;
  const kept = new Uint8Array(n);
  if (n <= points) kept.fill(1);
  else {
    // Two points a group for each line, so that the series stays within the budget.
    const groups = Math.max(1, Math.floor(points / (2 * columns.length)));
    const size = Math.ceil(n / groups);
    for (const values of columns) {
      const finite = (j: number) => Number.isFinite(values[j]);
      for (let start = 0; start < n; start += size) {
        let low = -1;
        let high = -1;
        for (let j = start; j < Math.min(n, start + size); j++) {
          if (!finite(j)) continue;
          if (low < 0 || values[j] < values[low]) low = j;
          if (high < 0 || values[j] > values[high]) high = j;
        }
        if (low >= 0) kept[low] = kept[high] = 1;
      }
      // Both ends, and both sides of every gap, so a line starts, stops and breaks where it did.
      for (let j = 0; j < n; j++) {
        if (j === 0 || j === n - 1 || (j > 0 && finite(j) !== finite(j - 1)) || (j < n - 1 && finite(j) !== finite(j + 1))) kept[j] = 1;
      }
    }
  }
  const positions: number[] = [];
  for (let j = 0; j < n; j++) if (kept[j] === 1) positions.push(j);
  // Drop the inside of every run where each line keeps its value.
  const flat = (j: number, before: number, after: number) =>
    columns.every((values) => Number.isFinite(values[j]) && values[before] === values[j] && values[after] === values[j]);
  return positions.filter((j, p) => p === 0 || p === positions.length - 1 || !flat(j, positions[p - 1], positions[p + 1]));
}

/**
 * The centred moving average of `values` over `half` rows either side (fewer at the ends), skipping
 * values that are not finite numbers, as Vega-Lite's window transform computes it with frame
 * [-half, half] and op mean; NaN where a window holds no number. Computed before thinning, from every
 * bucket.
 */
export function movingAverage(values: readonly number[], half: number): number[] {
  const n = values.length;
  const sum = new Float64Array(n + 1);
  const count = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) {
    const ok = Number.isFinite(values[j]);
    sum[j + 1] = sum[j] + (ok ? values[j] : 0);
    count[j + 1] = count[j] + (ok ? 1 : 0);
  }
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    const from = Math.max(0, j - half);
    const to = Math.min(n, j + half + 1);
    const k = count[to] - count[from];
    out.push(k === 0 ? NaN : (sum[to] - sum[from]) / k);
  }
  return out;
}
