// What the page's worker does with a scenario: the same steps as `sim run` and `sim trace`, with the
// files kept in memory instead of written to a folder.
import { runScenario } from '../metrics/run.js';
import { runSweep, singlePoint } from '../metrics/sweep.js';
import type { ScenarioResult } from '../metrics/results.js';
import { findings, followStory, formatComparisonTable, formatPlan, narrateSteps, reportFiles } from '../reports/index.js';
import { loadScenarioText, type LoadResult, type ScenarioFiles } from '../scenario/index.js';
import type { PageFile, RunOutcome, TraceOutcome } from './protocol.js';

export type Progress = (done: number, total: number) => void;

export function load(text: string, file: string, files: ScenarioFiles): LoadResult {
  return loadScenarioText(text, file, { files });
}

/** `sim run FILE` without options: every strategy of every variant, or the sweep, and its report files. */
export async function simulate(loaded: Extract<LoadResult, { ok: true }>, progress: Progress): Promise<RunOutcome> {
  const scenario = loaded.scenario;
  if (loaded.sweep || scenario.replications > 1) {
    // One task at a time in this worker: the results do not depend on how many threads ran them.
    const result = await runSweep(scenario, loaded.sweep ?? singlePoint(scenario), { workers: 1, onProgress: progress });
    const files = await reportFiles(result, { svg: true });
    const points = loaded.sweep?.points.length ?? 1;
    const shape = `${points} point${points === 1 ? '' : 's'} x ${scenario.replications} replication${scenario.replications === 1 ? '' : 's'}: ${result.runs.length} runs`;
    const table = scenario.sla ? formatPlan(result) : `${shape}; see sweep-summary.csv and the charts.\n`;
    return { name: scenario.name, seed: scenario.seed, table, findings: [], files: textFiles(files), strategies: [], sweep: true };
  }
  // runScenario one run at a time, in its own order (variants outermost), so the page can show progress.
  const variants = loaded.variants.length > 0 ? loaded.variants : [undefined];
  const plan = variants.flatMap((variant) => (variant?.scenario ?? scenario).strategies.map((s) => ({ variant, strategy: s.name })));
  const result: ScenarioResult = { scenario, variants: loaded.variants.map((v) => v.name), runs: [] };
  for (const [i, step] of plan.entries()) {
    progress(i, plan.length);
    const one = await runScenario(scenario, { strategies: [step.strategy], variants: step.variant ? [step.variant] : undefined });
    result.runs.push(...one.runs);
  }
  progress(plan.length, plan.length);
  const notes = findings(result);
  const files = await reportFiles(result, { svg: true, findings: notes });
  files.push(['findings.txt', notes.map((note) => `${note}\n`).join('')]);
  const strategies = scenario.strategies.map((s) => s.name);
  return { name: scenario.name, seed: scenario.seed, table: formatComparisonTable(result.runs), findings: notes, files: textFiles(files), strategies, sweep: false };
}


/** `sim trace FILE --strategy S --messages N`: the first variant, or the scenario as written. */
export async function trace(loaded: Extract<LoadResult, { ok: true }>, strategyName: string, messages: number): Promise<TraceOutcome> {
  const scenario = loaded.variants[0]?.scenario ?? loaded.scenario;
  const strategy = scenario.strategies.find((s) => s.name === strategyName) ?? scenario.strategies[0];
  const { steps } = await followStory(scenario, strategy.name, { messages });
  return { strategy: strategy.name, kind: strategy.kind, lines: narrateSteps(steps), steps };
}

function textFiles(files: readonly [string, string | Uint8Array][]): PageFile[] {
  return files.map(([name, content]) => ({ name, text: typeof content === 'string' ? content : new TextDecoder().decode(content) }));
}
