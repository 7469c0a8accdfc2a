// The playground page: a scenario editor, Run (in a worker, with progress and Cancel), the results,
// the narrated trace and its animation, downloads, and the scenario in the address for sharing.
import { setDiagnostics } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import { buildAnimation } from './animation-model.js';
import { AnimationView } from './animation-view.js';
import { createEditor, setText, toDiagnostics } from './page-editor.js';
import { showCharts, showDownloads, showFindings, showTable } from './page-results.js';
import { SimWorker } from './page-worker.js';
import type { PageProblem, RunOutcome, TraceOutcome } from './protocol.js';
import { decodeShare, encodeShare } from './share.js';

export interface PageData {
  /** The menu: bundled scenario files, in order. */
  readonly scenarios: readonly string[];
  /** Every bundled file by repository path: the scenarios and the data files they name. */
  readonly files: Record<string, string>;
  readonly schema: object;
  readonly start: string;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const data = JSON.parse($('playground-data').textContent ?? '{}') as PageData;
const source = $('sim-worker').textContent ?? '';
const checker = new SimWorker(source, data.files);
const runner = new SimWorker(source, data.files);

const menu = $<HTMLSelectElement>('scenario-menu');
const alert = $('problems');
const runButton = $<HTMLButtonElement>('run');
const cancelButton = $<HTMLButtonElement>('cancel');
const progress = $<HTMLProgressElement>('progress');
const status = $('status');
const traceStrategy = $<HTMLSelectElement>('trace-strategy');
const traceMessages = $<HTMLSelectElement>('trace-messages');
const playButton = $<HTMLButtonElement>('anim-play');
const speed = $<HTMLSelectElement>('anim-speed');

let file = data.start;
let editor: EditorView;
let lastRun: RunOutcome | undefined;
let animation: AnimationView | undefined;
let checkId = 0;

function showProblems(problems: readonly PageProblem[]): void {
  alert.replaceChildren();
  alert.hidden = problems.length === 0;
  if (problems.length === 0) return;
  const heading = document.createElement('strong');
  heading.textContent = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const list = document.createElement('ul');
  for (const p of problems) {
    const li = document.createElement('li');
    li.textContent = p.text;
    list.appendChild(li);
  }
  alert.append(heading, list);
}

async function check(text: string): Promise<PageProblem[] | undefined> {
  const id = ++checkId;
  const reply = await checker.ask({ kind: 'check', file, text });
  if (id !== checkId || reply.kind !== 'problems') return undefined;
  showProblems(reply.problems);
  return reply.problems.filter((p) => p.file === file);
}

let hashTimer: number | undefined;
function rememberInAddress(text: string): void {
  window.clearTimeout(hashTimer);
  hashTimer = window.setTimeout(async () => history.replaceState(null, '', await encodeShare({ file, text })), 300);
}

function setBusy(busy: boolean, message: string): void {
  runButton.disabled = busy;
  cancelButton.disabled = !busy;
  progress.hidden = !busy;
  status.textContent = message;
}

async function run(): Promise<void> {
  const text = editor.state.doc.toString();
  const started = performance.now();
  progress.value = 0;
  setBusy(true, 'Running…');
  const reply = await runner.ask({ kind: 'run', file, text }, (done, total) => {
    progress.max = total;
    progress.value = done;
    status.textContent = `Running… ${done} of ${total} runs done`;
  });
  if (reply.kind === 'problems') {
    showProblems(reply.problems);
    editor.dispatch(setDiagnostics(editor.state, toDiagnostics(reply.problems.filter((p) => p.file === file), editor.state.doc)));
    setBusy(false, 'The scenario has problems: see the list above the editor.');
    return;
  }
  if (reply.kind !== 'result') {
    setBusy(false, reply.kind === 'failed' && reply.message === 'cancelled' ? 'Cancelled.' : `Failed: ${reply.kind === 'failed' ? reply.message : reply.kind}`);
    return;
  }
  showProblems([]);
  lastRun = reply.result;
  const r = reply.result;
  $('results').hidden = false;
  $('welcome').hidden = true;
  $('result-title').textContent = `${r.name}, seed ${r.seed}`;
  $('table-title').textContent = r.sweep ? 'Sweep' : 'Comparison';
  $('findings-section').hidden = r.sweep;
  showTable($('table'), r.table);
  showFindings($('findings'), r.findings);
  showDownloads($('downloads'), r, { name: file.slice(file.lastIndexOf('/') + 1), text });
  traceStrategy.replaceChildren(...r.strategies.map((s) => new Option(s, s)));
  $('trace-section').hidden = r.strategies.length === 0;
  setBusy(false, `Ran ${r.name} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  await showCharts($('charts'), r.files);
  if (r.strategies.length > 0) await trace();
}

async function trace(): Promise<void> {
  if (lastRun === undefined) return;
  animation?.stop();
  const reply = await runner.ask({ kind: 'trace', file, text: editor.state.doc.toString(), strategy: traceStrategy.value, messages: Number(traceMessages.value) });
  if (reply.kind !== 'traced') return;
  showTrace(reply.trace);
}

function showTrace(t: TraceOutcome): void {
  $('narration').textContent = t.lines.join('\n');
  animation = new AnimationView($('animation'), buildAnimation(t.steps), t.lines, (index, total, caption, playing) => {
    $('anim-counter').textContent = `step ${index} of ${total}`;
    $('anim-caption').textContent = caption;
    playButton.textContent = playing ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(playing));
  });
  animation.setSpeed(Number(speed.value));
}

async function start(): Promise<void> {
  const shared = await decodeShare(location.hash);
  if (shared !== undefined) file = shared.file;
  const text = shared?.text ?? data.files[file] ?? '';
  menu.replaceChildren(...data.scenarios.map((s) => new Option(s.replace(/^scenarios\//, ''), s)));
  if (!data.scenarios.includes(file)) menu.prepend(new Option(file, file));
  menu.value = file;
  editor = createEditor({ parent: $('editor'), text, schema: data.schema, check, onChange: rememberInAddress });
  menu.addEventListener('change', () => {
    file = menu.value;
    setText(editor, data.files[file] ?? '');
  });
  runButton.addEventListener('click', () => void run());
  cancelButton.addEventListener('click', () => runner.cancel());
  traceStrategy.addEventListener('change', () => void trace());
  traceMessages.addEventListener('change', () => void trace());
  playButton.addEventListener('click', () => (animation?.playing ? animation.pause() : animation?.play()));
  $('anim-step').addEventListener('click', () => {
    animation?.pause();
    animation?.step();
  });
  $('anim-restart').addEventListener('click', () => animation?.restart());
  speed.addEventListener('change', () => animation?.setSpeed(Number(speed.value)));
  $('share').addEventListener('click', async () => {
    const url = location.href.replace(/#.*$/, '') + (await encodeShare({ file, text: editor.state.doc.toString() }));
    history.replaceState(null, '', url);
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    status.textContent = 'The address now holds this scenario: copy it to share.';
  });
  setBusy(false, 'Edit the scenario, then press Run.');
}

void start();
