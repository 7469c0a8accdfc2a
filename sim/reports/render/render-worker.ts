// The worker-thread entry of the chart render pool (piscina): one chart's SVG and, when asked, its PNG.
// A warm-up task loads vega, vega-lite and resvg (and warms them up) while the simulation runs.
import { renderPng } from './png.js';
import { renderSvg } from './svg.js';

export interface RenderTask {
  spec: object;
  png: boolean;
}

export interface RenderedChart {
  svg: string;
  png?: Uint8Array;
}

const WARM_UP_SPEC = { data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } };

export default async function render(task: RenderTask | 'warm-up'): Promise<RenderedChart | null> {
  if (task === 'warm-up') {
    renderPng(await renderSvg(WARM_UP_SPEC));
    return null;
  }
  const svg = await renderSvg(task.spec);
  return { svg, png: task.png ? renderPng(svg) : undefined };
}
