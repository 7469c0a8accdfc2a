// The results of a run in the page: the comparison table, the findings, the charts (the run's own
// Vega-Lite specs through vega-embed) and a download link for every file.
import embed from 'vega-embed';
import type { PageFile, RunOutcome } from './protocol.js';

function element<K extends keyof HTMLElementTagNameMap>(name: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

/** The table `sim run` prints, as an HTML table: columns split where the text has two spaces or more. */
export function showTable(host: HTMLElement, table: string): void {
  const [head, ...rest] = table.trimEnd().split('\n');
  const blank = rest.indexOf('');
  const rows = blank < 0 ? rest : rest.slice(0, blank);
  const notes = blank < 0 ? [] : rest.slice(blank + 1);
  host.replaceChildren();
  if (!/\S {2,}\S/.test(head)) {
    host.appendChild(element('pre', table, 'plan'));
    return;
  }
  const t = element('table', undefined, 'comparison');
  const cells = (line: string): string[] => line.trim().split(/ {2,}/);
  const tr = t.createTHead().insertRow();
  for (const h of cells(head)) tr.appendChild(element('th', h));
  const body = t.createTBody();
  for (const line of rows) {
    const row = body.insertRow();
    cells(line).forEach((c, i) => row.appendChild(element('td', c, i === 0 || Number.isNaN(Number(c)) ? 'text' : 'number')));
  }
  host.appendChild(t);
  for (const note of notes) host.appendChild(element('p', note, 'ledger'));
}

export function showFindings(host: HTMLElement, findings: readonly string[]): void {
  host.replaceChildren();
  if (findings.length === 0) {
    host.appendChild(element('p', 'No findings for this run.', 'muted'));
    return;
  }
  const list = element('ul');
  for (const f of findings) list.appendChild(element('li', f));
  host.appendChild(list);
}

/** Renders every *.vl.json of the run; resolves once all are drawn. */
export async function showCharts(host: HTMLElement, files: readonly PageFile[]): Promise<void> {
  host.replaceChildren();
  const specs = files.filter((f) => f.name.endsWith('.vl.json'));
  await Promise.all(
    specs.map(async (file) => {
      const figure = element('figure', undefined, 'chart');
      const target = element('div');
      figure.append(target, element('figcaption', file.name.replace(/\.vl\.json$/, '')));
      host.appendChild(figure);
      await embed(target, JSON.parse(file.text), { actions: false, renderer: 'svg' });
    }),
  );
}

const TYPES: Readonly<Record<string, string>> = { csv: 'text/csv', json: 'application/json', svg: 'image/svg+xml', txt: 'text/plain', yaml: 'text/yaml' };
let urls: string[] = [];

/** A link per file, named after it, the scenario's file last. Old links' URLs are released. */
export function showDownloads(host: HTMLElement, outcome: RunOutcome, scenario: PageFile): void {
  for (const url of urls) URL.revokeObjectURL(url);
  urls = [];
  host.replaceChildren();
  const list = element('ul', undefined, 'downloads');
  for (const file of [...outcome.files, scenario]) {
    const type = TYPES[file.name.slice(file.name.lastIndexOf('.') + 1)] ?? 'text/plain';
    const url = URL.createObjectURL(new Blob([file.text], { type }));
    urls.push(url);
    const a = element('a', file.name);
    a.href = url;
    a.download = file.name;
    const li = element('li');
    li.appendChild(a);
    list.appendChild(li);
  }
  host.appendChild(list);
}
