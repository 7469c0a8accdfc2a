// Time columns for heatmaps: a long run's buckets are merged `factor` at a time so a chart has at
// most HEATMAP_COLUMNS columns; each column spans from the end of the bucket before it to its last one.

/** At most this many time columns: longer runs merge neighbouring buckets. */
export const HEATMAP_COLUMNS = 100;

export interface HeatmapColumns {
  factor: number;
  /** The column of a bucket, by its end time. */
  columnOf(time: number): number;
  /** Where column c starts and ends (s). */
  span(c: number): { start_s: number; time_s: number };
}

export function heatmapColumns(bucketEnds: Iterable<number>): HeatmapColumns {
  const times = [...new Set(bucketEnds)].sort((a, b) => a - b);
  const factor = Math.max(1, Math.ceil(times.length / HEATMAP_COLUMNS));
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
