// Runs a sweep: every grid point x replication x strategy, on worker threads when there is more than
// one core, and aggregates each (point, strategy) over its replications. Each task is deterministic
// and results are put back in task order, so the output is identical whatever the number of cores.
// Common random numbers: within a replication every strategy and every point uses the same seed.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CustomStrategyError, describeValue } from '../model/strategies/custom-strategy.js';
import type { CustomProblem } from './sweep-worker.js';
import { fileURLToPath } from 'node:url';
import type { Scenario, Sweep } from '../model/scenario-types.js';
import type { CostSpec } from '../scenario/build-cost.js';
import { estimate } from './estimate.js';
import { planRows, pricingOf, type Pricing } from './plan.js';
import type { AggregateRow, RunResult, ScenarioResult, SummaryRow, SweepResult, SweepRun } from './results.js';
import { runScenario, type RunOptions } from './run.js';
import { replicationSeed, runTask, type SweepTask } from './sweep-task.js';

export interface SweepOptions {
  /** Worker threads; default: one per core. 1 runs everything in this thread. */
  workers?: number;
  /** Only these strategies. */
  strategies?: readonly string[];
  /** Called after each finished task. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each finished task's result, as soon as it is there (index into the tasks given). */
  onResult?: (index: number, result: RunResult) => void | Promise<void>;
  /** The scenario's `cost:` block: the plan then names the cheapest configuration meeting the SLA. */
  cost?: CostSpec;
}

/** A scenario without a sweep, replicated, is a sweep of one point with no parameters. */
export function singlePoint(scenario: Scenario): Sweep {
  return { parameters: [], points: [{ index: 0, values: [], scenario }] };
}

/** One run of a sweep, in the order the sweep lists them: points, then replications, then strategies. */
export type PlannedRun = SweepTask & { point: number; replication: number; values: number[] };

/** Every run of the sweep, in sweep order. A run's seed depends only on the scenario and its replication. */
export function sweepTasks(scenario: Scenario, sweep: Sweep, strategies?: readonly string[]): PlannedRun[] {
  const tasks: PlannedRun[] = [];
  for (const point of sweep.points) {
    for (let r = 0; r < scenario.replications; r++) {
      const seed = replicationSeed(scenario.seed, r);
      for (const strategy of point.scenario.strategies) {
        if (strategies && !strategies.includes(strategy.name)) continue;
        tasks.push({ scenario: point.scenario, strategy: strategy.name, seed, point: point.index, replication: r, values: [...point.values] });
      }
    }
  }
  return tasks;
}

export async function runSweep(scenario: Scenario, sweep: Sweep, options: SweepOptions = {}): Promise<SweepResult> {
  const tasks = sweepTasks(scenario, sweep, options.strategies);
  const results = await runTasks(tasks, options);
  const runs = tasks.map((t, i) => ({ point: t.point, replication: t.replication, seed: t.seed, values: t.values, run: results[i] }));
  return assembleSweep(scenario, sweep.parameters.map((p) => p.path), runs, pricingOf(scenario, sweep, options.cost));
}

/** The sweep's result from its runs (in sweep order), however and wherever they were run. */
export function assembleSweep(scenario: Scenario, parameters: string[], runs: SweepRun[], pricing?: Pricing): SweepResult {
  const aggregates = aggregate(runs);
  const plan = scenario.sla ? planRows(parameters, aggregates, scenario.sla, pricing) : [];
  return { scenario, parameters, runs, aggregates, plan, ...(pricing === undefined ? {} : { cost: pricing.cost }) };
}

/**
 * Runs a scenario's strategies and variants like runScenario, each run on a worker thread when there is
 * more than one (default: one thread per core). Each run is deterministic and the results come back
 * in run order, so the output is byte-identical to one thread. A message sink or a trace needs every
 * run in this thread: those run here.
 */
export async function runScenarioOnWorkers(scenario: Scenario, options: RunOptions & { workers?: number }): Promise<ScenarioResult> {
  const variants = options.variants && options.variants.length > 0 ? options.variants : [{ name: '', overrides: {}, scenario }];
  const tasks: SweepTask[] = variants.flatMap((v) =>
    v.scenario.strategies
      .filter((s) => !options.strategies || options.strategies.includes(s.name))
      .map((s) => ({ scenario: v.scenario, strategy: s.name, seed: v.scenario.seed, variant: v.name })),
  );
  if (options.messages || options.trace || tasks.length <= 1 || (options.workers ?? availableParallelism()) <= 1) return runScenario(scenario, options);
  const runs = await runTasks(tasks, { workers: options.workers, onProgress: (done) => options.onRunDone?.(done) });
  return { scenario, variants: variants.map((v) => v.name).filter((n) => n !== ''), runs };
}

/** Runs the tasks on worker threads (or this thread); the results come back in task order. */
export async function runTasks(tasks: SweepTask[], options: SweepOptions): Promise<RunResult[]> {
  const total = tasks.length;
  let done = 0;
  const finished = async (i: number, r: RunResult): Promise<RunResult> => {
    await options.onResult?.(i, r);
    options.onProgress?.(++done, total);
    return r;
  };
  const workers = Math.min(options.workers ?? availableParallelism(), total);
  const worker = workerFile();
  if (workers <= 1 || !worker) {
    const out: RunResult[] = [];
    for (const [i, task] of tasks.entries()) out.push(await finished(i, await runTask(task)));
    return out;
  }
  const { Piscina } = await import('piscina'); // the thread pool only when there are threads
  const pool = new Piscina({ filename: worker, minThreads: workers, maxThreads: workers });
  const custom = tasks.some((t) => t.scenario.strategies.some((s) => s.name === t.strategy && s.kind === 'custom'));
  const settle = (i: number, answer: RunResult | CustomProblem): Promise<RunResult> => {
    if ('customStrategyError' in answer) throw new CustomStrategyError(answer.customStrategyError);
    return finished(i, answer);
  };
  try {
    return await Promise.all(
      tasks.map((task, i) =>
        (pool.run(task) as Promise<RunResult | CustomProblem>).then(
          (answer) => settle(i, answer),
          (error: unknown) => {
            // A custom module can end its worker thread (process.exit in it): that is the module's doing.
            if (custom) throw new CustomStrategyError(`a worker thread running a custom strategy module failed: ${describeValue(error)}`);
            throw error;
          },
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
}

/** The compiled worker entry (dist/metrics/sweep-worker.js), also when this module runs from source. */
export function workerFile(): string | undefined {
  const here = fileURLToPath(new URL('./sweep-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = here.replace(/([\\/])sim([\\/]metrics[\\/])/, '$1dist$2');
  return existsSync(built) ? built : undefined;
}

function aggregate(runs: SweepRun[]): AggregateRow[] {
  const groups = new Map<string, SweepRun[]>();
  for (const r of runs) {
    const key = `${r.point}|${r.run.summary.strategy}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const columns = numericColumns(first.run.summary);
    const metrics: AggregateRow['metrics'] = {};
    for (const column of columns) metrics[column] = estimate(group.map((g) => g.run.summary[column] as number));
    return { point: first.point, strategy: first.run.summary.strategy, values: first.values, replications: group.length, metrics };
  });
}

function numericColumns(row: SummaryRow): (keyof SummaryRow)[] {
  return (Object.keys(row) as (keyof SummaryRow)[]).filter((k) => typeof row[k] === 'number' && k !== 'seed');
}
