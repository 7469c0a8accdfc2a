// Charts rendered on worker threads, several at once, by a pool that starts (and loads vega, vega-lite
// and resvg) as soon as it is made: made before the simulation, it is ready when the charts are. Each
// render resets vega's counters and resvg is deterministic, so a chart's bytes do not depend on the
// thread that drew it; results come back per chart, and the report writes them in chart order.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChartRenderer } from '../write-report.js';
import type { RenderedChart } from './render-worker.js';

export interface RenderPool {
  render: ChartRenderer;
  close(): Promise<void>;
}

/** A pool of up to `threads` (default: one per core) render threads; undefined on one core or without the compiled worker. */
export async function startRenderPool(threads = availableParallelism()): Promise<RenderPool | undefined> {
  const worker = workerFile();
  if (threads <= 1 || worker === undefined) return undefined;
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: worker, minThreads: threads, maxThreads: threads });
  // One warm-up per thread; a failed warm-up shows again at the first real render.
  const warming = Promise.all(Array.from({ length: threads }, () => pool.run('warm-up').catch(() => null)));
  return {
    render: async (spec, png) => {
      const out = (await pool.run({ spec, png })) as RenderedChart;
      return { svg: out.svg, png: out.png === undefined ? undefined : Buffer.from(out.png.buffer, out.png.byteOffset, out.png.byteLength) };
    },
    close: async () => {
      await warming;
      await pool.destroy();
    },
  };
}

/** The compiled worker entry (dist/reports/render/render-worker.js), also when this module runs from source. */
function workerFile(): string | undefined {
  const here = fileURLToPath(new URL('./render-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = here.replace(/([\\/])sim([\\/]reports[\\/])/, '$1dist$2');
  return existsSync(built) ? built : undefined;
}
