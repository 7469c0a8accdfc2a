// Runs a sweep: every grid point x replication x strategy, on worker threads when there is more than
// one core, and aggregates each (point, strategy) over its replications. Each task is deterministic
// and results are put back in task order, so the output is identical whatever the number of cores.
// Common random numbers: within a replication every strategy and every point uses the same seed.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CustomStrategyError, describeValue } from '../model/custom-strategy.js';
import type { CustomProblem } from './sweep-worker.js';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Scenario, Sweep } from '../model/scenario.js';
import { estimate } from './estimate.js';
import { planRows } from './plan.js';
import type { AggregateRow, RunResult, SummaryRow, SweepResult, SweepRun } from './results.js';
import { replicationSeed, runTask, type SweepTask } from './sweep-task.js';

export interface SweepOptions {
  /** Worker threads; default: one per core. 1 runs everything in this thread. */
  workers?: number;
  /** Only these strategies. */
  strategies?: readonly string[];
  /** Called after each finished task. */
  onProgress?: (done: number, total: number) => void;
}

/** A scenario without a sweep, replicated, is a sweep of one point with no parameters. */
export function singlePoint(scenario: Scenario): Sweep {
  return { parameters: [], points: [{ index: 0, values: [], scenario }] };
}

export async function runSweep(scenario: Scenario, sweep: Sweep, options: SweepOptions = {}): Promise<SweepResult> {
  const tasks: (SweepTask & { point: number; replication: number; values: number[] })[] = [];
  for (const point of sweep.points) {
    for (let r = 0; r < scenario.replications; r++) {
      const seed = replicationSeed(scenario.seed, r);
      for (const strategy of point.scenario.strategies) {
        if (options.strategies && !options.strategies.includes(strategy.name)) continue;
        tasks.push({ scenario: point.scenario, strategy: strategy.name, seed, point: point.index, replication: r, values: [...point.values] });
      }
    }
  }
  const results = await runAll(tasks, options);
  const runs: SweepRun[] = tasks.map((t, i) => ({ point: t.point, replication: t.replication, seed: t.seed, values: t.values, run: results[i] }));
  const aggregates = aggregate(runs);
  const parameters = sweep.parameters.map((p) => p.path);
  return { scenario, parameters, runs, aggregates, plan: scenario.sla ? planRows(parameters, aggregates, scenario.sla) : [] };
}

async function runAll(tasks: SweepTask[], options: SweepOptions): Promise<RunResult[]> {
  const total = tasks.length;
  let done = 0;
  const tick = (): void => options.onProgress?.(++done, total);
  const workers = Math.min(options.workers ?? availableParallelism(), total);
  const worker = workerFile();
  if (workers <= 1 || !worker) {
    const out: RunResult[] = [];
    for (const task of tasks) {
      out.push(await runTask(task));
      tick();
    }
    return out;
  }
  const pool = new Piscina({ filename: worker, minThreads: workers, maxThreads: workers });
  const custom = tasks.some((t) => t.scenario.strategies.some((s) => s.name === t.strategy && s.modulePath !== undefined));
  const settle = (answer: RunResult | CustomProblem): RunResult => {
    if ('customStrategyError' in answer) throw new CustomStrategyError(answer.customStrategyError);
    tick();
    return answer;
  };
  try {
    return await Promise.all(
      tasks.map((task) =>
        (pool.run(task) as Promise<RunResult | CustomProblem>).then(settle, (error: unknown) => {
          // A custom module can end its worker thread (process.exit in it): that is the module's doing.
          if (custom) throw new CustomStrategyError(`a worker thread running a custom strategy module failed: ${describeValue(error)}`);
          throw error;
        }),
      ),
    );
  } finally {
    await pool.destroy();
  }
}

/** The compiled worker entry (dist/metrics/sweep-worker.js), also when this module runs from source. */
function workerFile(): string | undefined {
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
