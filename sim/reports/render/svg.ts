// Vega-Lite spec -> SVG text, in Node, without a canvas. vega and vega-lite take ~0.4 s to import, so
// they are loaded on the first render only: a run without --svg (and every test that does not render)
// never pays for them.
import type { TopLevelSpec } from 'vega-lite';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

export interface RenderOptions {
  /**
   * Receives vega-lite's and vega's warnings (e.g. a field missing from the data). The reports layer
   * never prints, so without this they are dropped rather than sent to the console.
   */
  onWarning?: (message: string) => void;
}

let libraries: Promise<[Vega, VegaLite]> | undefined;
/** Renders run one at a time: see renderSvg. */
let queue: Promise<unknown> = Promise.resolve();

function loadLibraries(): Promise<[Vega, VegaLite]> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]);
  return libraries;
}

/**
 * The SVG of a Vega-Lite spec. Same spec, same bytes: vega numbers clip paths and gradients from
 * module-wide counters, so each render resets them first, and renders are serialised so two concurrent
 * calls cannot interleave between the reset and the drawing. Without a canvas, vega estimates text
 * widths from the font size alone, which is deterministic too.
 */
export function renderSvg(vlSpec: object, options: RenderOptions = {}): Promise<string> {
  const render = queue.then(async () => {
    const [vega, vegaLite] = await loadLibraries();
    const onWarning = options.onWarning ?? (() => {});
    // vega reports some failures (e.g. a bad expression in a dataflow operator) through its logger
    // instead of throwing; they are collected and turned into an exception below.
    const errors: string[] = [];
    const logger = vega.logger(vega.Warn, undefined, (_method, level, args) => {
      const message = args.map(String).join(' ');
      if (level === 'ERROR') errors.push(message);
      else onWarning(message);
    });
    const vgSpec = vegaLite.compile(vlSpec as TopLevelSpec, { logger }).spec;
    const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logger });
    try {
      vega.resetSVGDefIds();
      const svg = await view.toSVG();
      if (errors.length > 0) throw new Error(`Rendering a chart failed: ${errors.join('; ')}`);
      return roundGeometry(svg);
    } finally {
      view.finalize();
    }
  });
  // The next render waits for this one whether it succeeds or fails.
  queue = render.catch(() => undefined);
  return render;
}

/**
 * vega writes some coordinates with every digit of a double (a heatmap cell: "M10.236724248240563,0h...",
 * half its bytes) and interpolated colours as "rgb(255, 238, 229)". Shapes and positions are rounded to
 * a hundredth of a pixel, which no screen or PNG shows (a PNG has one pixel per unit: render/png.ts), and
 * such colours are written as the same colour in hex (#ffeee5); text is left alone. toFixed is exact to
 * the specification, so the bytes are the same anywhere. Then what vega repeats on every element and
 * changes nothing drawn goes: opacity="1" (the initial value), pointer-events="none" (a picture is
 * not clicked: it is an image, or inlined in a page without script), vega's class names (no style
 * sheet reads them), backgrounds of no size, and, where every text has the same
 * font-family, that attribute, said once on the root element, which every text inherits it from.
 */
export function roundGeometry(svg: string): string {
  const rounded = svg
    .replace(/ (d|transform)="([^"]*)"/g, (_match, name: string, value: string) => ` ${name}="${value.replace(/\d+\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2))))}"`)
    .replace(/ (fill|stroke|stop-color)="rgb\((\d{1,3}), ?(\d{1,3}), ?(\d{1,3})\)"/g, (_match, name: string, r: string, g: string, b: string) => ` ${name}="#${[r, g, b].map(hexByte).join('')}"`)
    // Tag by tag (a tag's text ends at its first '>'), so that text content is never touched.
    .replace(/<[a-z]+\b[^>]*>/g, (tag) => tag.replace(/ (?:opacity="1"|pointer-events="none"|class="[^"]*")(?=[\s/>])/g, ''))
    // A group's background of no size draws nothing.
    .replace(/<path aria-hidden="true" d="M0,0h0v0h0Z"\/>/g, '');
  return hoistFontFamily(rounded);
}

const hexByte = (channel: string): string => Math.min(255, Number(channel)).toString(16).padStart(2, '0');

/** One font-family on the root <svg> instead of on every <text>, when all of them name the same one and the root names none. */
function hoistFontFamily(svg: string): string {
  const families = new Set([...svg.matchAll(/ font-family="([^"]*)"/g)].map((m) => m[1]));
  const texts = (svg.match(/<text\b/g) ?? []).length;
  const named = (svg.match(/<text\b[^>]* font-family="/g) ?? []).length;
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0];
  if (families.size !== 1 || named !== texts || root === undefined || root.includes(' font-family=')) return svg;
  const [family] = families;
  const body = svg.slice(root.length).replace(/ font-family="[^"]*"/g, '');
  return `${root.slice(0, -1)} font-family="${family}">${body}`;
}
