// Builds the playground: bundles the page and the simulation worker with esbuild (the worker as a
// classic script, with Node's modules replaced by the page's stand-ins), gathers the bundled scenarios
// and the JSON Schema into one self-contained HTML page.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { scenarioJsonSchema } from '../scenario/index.js';
import { pageHtml } from './page-html.js';
import type { PageData } from './page.js';

/** The page must stay small enough to mail around and to load quickly in a workshop. */
export const MAX_PAGE_BYTES = 6 * 1024 * 1024;
export const START_SCENARIO = 'scenarios/scale-out-sample.yaml';

const here = dirname(fileURLToPath(import.meta.url));
/** .js when running compiled (dist/playground), .ts when running from the sources. */
const ext = extname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
/** Files under scenarios/ the page carries besides the YAML: the data files scenarios name. */
const DATA_EXTENSIONS = ['.csv', '.txt', '.tsv'];

/** The page's HTML, whole; over its size budget is a bug (an error). */
export async function buildPlaygroundPage(): Promise<string> {
  const [workerScript, pageScript] = await Promise.all([bundle('worker', true), bundle('page', false)]);
  const html = pageHtml({ data: pageData(), workerScript, pageScript });
  const bytes = Buffer.byteLength(html);
  if (bytes > MAX_PAGE_BYTES) throw new Error(`internal: the playground page is ${bytes} bytes, over its ${MAX_PAGE_BYTES}-byte budget`);
  return html;
}

async function bundle(entry: string, worker: boolean): Promise<string> {
  const shims = join(here, 'node-shims');
  const result = await esbuild.build({
    entryPoints: [join(here, `${entry}${ext}`)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    // sweep.ts looks for its thread pool's script next to itself; the page runs sweeps on one thread.
    define: { 'import.meta.url': '"file:///playground/"' },
    // csv-stringify's own browser build (its Node build needs Buffer).
    alias: worker ? { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' } : {},
    plugins: [
      {
        name: 'node-stand-ins',
        setup(build) {
          if (!worker) return;
          build.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: join(shims, `path${ext}`) }));
          build.onResolve({ filter: /^(node:.*|piscina|@resvg\/resvg-js)$/ }, () => ({ path: join(shims, `no-node${ext}`) }));
        },
      },
    ],
  });
  const text = result.outputFiles?.[0]?.text;
  if (text === undefined) throw new Error(`internal: esbuild wrote no ${entry} bundle`);
  return text;
}

function pageData(): PageData {
  const dir = join(root, 'scenarios');
  const paths = listFiles(dir).map((f) => relative(root, f).split(sep).join('/'));
  const scenarios = paths.filter((p) => p.endsWith('.yaml') && !p.slice('scenarios/'.length).includes('/')).sort();
  const carried = paths.filter((p) => p.endsWith('.yaml') || DATA_EXTENSIONS.includes(extname(p)));
  const files = Object.fromEntries(carried.map((p) => [p, readFileSync(join(root, p), 'utf8')]));
  return { scenarios, files, schema: scenarioJsonSchema(), start: START_SCENARIO };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
