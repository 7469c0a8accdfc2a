// Time columns for heatmaps: a long run's buckets are merged `factor` at a time so a chart has at
// most HEATMAP_COLUMNS columns; each column spans from the end of the bucket before it to its last one.
// A heatmap of many rows (queues or instances, of every strategy and variant) has fewer columns, so
// that it has at most about HEATMAP_CELLS cells, down to MIN_HEATMAP_COLUMNS.

/** At most this many time columns: longer runs merge neighbouring buckets. */
export const HEATMAP_COLUMNS = 100;
export const HEATMAP_CELLS = 6000;
export const MIN_HEATMAP_COLUMNS = 25;

/** The columns each run of a heatmap of `rows` rows (over all its panels) may have. */
export function columnBudget(rows: number): number {
  return Math.min(HEATMAP_COLUMNS, Math.max(MIN_HEATMAP_COLUMNS, Math.floor(HEATMAP_CELLS / Math.max(1, rows))));
}

export interface HeatmapColumns {
  factor: number;
  /** The column of a bucket, by its end time. */
  columnOf(time: number): number;
  /** Where column c starts and ends (s). */
  span(c: number): { start_s: number; time_s: number };
}

export function heatmapColumns(bucketEnds: Iterable<number>, columns = HEATMAP_COLUMNS): HeatmapColumns {
  const times = [...new Set(bucketEnds)].sort((a, b) => a - b);
  const factor = Math.max(1, Math.ceil(times.length / columns));
  const column = new Map(times.map((t, i) => [t, Math.floor(i / factor)]));
  return {
    factor,
    columnOf: (time) => column.get(time) ?? 0,
    span(c) {
      const first = c * factor;
      const last = Math.min(times.length - 1, first + factor - 1);
      return { start_s: first === 0 ? 0 : times[first - 1], time_s: times[last] };
    },
  };
}

/**
 * A heatmap's cells drawn as few rectangles as make the same picture: within a row, neighbouring cells
 * of the same value become one cell spanning them (its tooltip shows the span, and the value is still
 * the largest, or the mean, of its buckets), and cells of value 0, drawn white on the white view, are
 * left out, unless that is all the row has (a row that is 0 throughout keeps one cell, so it is still
 * listed). Rows keep their first-seen order; within a row, cells go in time order.
 */
export function mergeCells<C extends { start_s: number; time_s: number }>(cells: readonly C[], row: (cell: C) => string, value: (cell: C) => number): C[] {
  const rows = new Map<string, C[]>();
  for (const cell of cells) {
    const key = row(cell);
    const list = rows.get(key);
    if (list === undefined) rows.set(key, [cell]);
    else list.push(cell);
  }
  const out: C[] = [];
  for (const list of rows.values()) {
    const merged: C[] = [];
    for (const cell of [...list].sort((a, b) => a.start_s - b.start_s)) {
      const last = merged[merged.length - 1];
      if (last !== undefined && value(last) === value(cell) && last.time_s === cell.start_s) merged[merged.length - 1] = { ...last, time_s: cell.time_s };
      else merged.push({ ...cell });
    }
    out.push(...(merged.length === 1 ? merged : merged.filter((cell) => value(cell) !== 0)));
  }
  return out;
}
