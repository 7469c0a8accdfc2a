// `sim run FILE`: load and check the scenario, run every strategy, write the report directory all at
// once (or nothing), print the comparison table.
import path from 'node:path';
import { formatProblem, loadScenarioFile } from '../scenario/index.js';
import { checkStrategies, checkVariants, parseSeed, parseWorkers, wantsShard } from './arguments.js';
import { UsageError } from './exit-codes.js';
import { defaultOutDir } from './out-place.js';
import { announceSize, capWorkers, expectedMessages, stopNotes } from './run-size.js';
import { progressBar } from './progress.js';

const warn = (text: string): void => {
  process.stderr.write(text);
};

export interface RunArgs {
  file: string;
  out?: string;
  seed?: unknown;
  messagesCsv: boolean;
  strategy?: string[];
  variant?: string[];
  set?: string[];
  svg: boolean;
  png: boolean;
  html: boolean;
  workers?: unknown;
  shard?: string;
  shardIndexEnv?: string;
  shards?: string;
  redis?: string;
}

/** The options that pick the sweep's runs, as typed: shard files keep them for their rerun command. */
function sweepOptions(args: RunArgs): string[] {
  return [
    ...(args.set ?? []).flatMap((s) => ['--set', s]),
    ...(args.seed === undefined ? [] : ['--seed', String(args.seed)]),
    ...(args.strategy ?? []).flatMap((s) => ['--strategy', s]),
  ];
}

export async function runCommand(args: RunArgs, print: (text: string) => void): Promise<void> {
  const seed = parseSeed(args.seed);
  const workers = parseWorkers(args.workers);
  const loaded = loadScenarioFile(args.file, { set: args.set });
  if (!loaded.ok) throw new UsageError(loaded.problems.map(formatProblem));
  const withSeed = <T extends { seed: number }>(s: T): T => (seed === undefined ? s : { ...s, seed });
  const scenario = withSeed(loaded.scenario);
  checkStrategies(args.strategy, scenario.strategies.map((s) => s.name));
  checkVariants(args.variant, loaded.variants.map((v) => v.name));
  const variants = loaded.variants
    .filter((v) => !args.variant || args.variant.includes(v.name))
    .map((v) => ({ ...v, scenario: withSeed(v.scenario) }));

  // The simulation, the reports and the pools are imported once the scenario is known to be good.
  // The distributed layer (BullMQ, Redis) only for --shard or --redis.
  const [{ beginOutput, createMessagesCsvWriter, findings, formatComparisonTable, writeReport }, { runScenarioOnWorkers, singlePoint }] =
    await Promise.all([import('../reports/index.js'), import('../metrics/sweep.js')]);
  const dir = args.out ?? defaultOutDir(scenario.name);
  if (loaded.sweep || scenario.replications > 1) {
    if (args.messagesCsv) throw new UsageError(['sim: --messages-csv is for single runs, not sweeps or replications']);
    const sweep = loaded.sweep ? { ...loaded.sweep, points: loaded.sweep.points.map((p) => ({ ...p, scenario: withSeed(p.scenario) })) } : singlePoint(scenario);
    if (wantsShard(args)) {
      if (args.redis !== undefined) throw new UsageError(['sim: --redis and --shard are two ways to spread a sweep; give one']);
      const { shardCommand } = await import('./shard-command.js');
      return shardCommand(scenario, sweep, { ...args, rerunOptions: sweepOptions(args), workers, cost: loaded.cost }, print);
    }
    const runner = args.redis === undefined ? undefined : (await import('./redis-run.js')).redisRunner(args.redis, scenario, sweep, args.strategy, loaded.cost);
    const output = beginOutput(dir);
    try {
      const { runSweepCommand } = await import('./sweep-command.js');
      await runSweepCommand(scenario, sweep, output, { strategy: args.strategy, svg: args.svg, png: args.png, html: args.html, workers: capWorkers(workers, warn), runner, cost: loaded.cost }, print);
    } catch (error) {
      output.abort();
      throw error;
    }
    return;
  }
  if (wantsShard(args) || args.redis !== undefined) throw new UsageError(['sim: --shard and --redis spread the runs of a sweep; this scenario has no sweep and one replication']);
  // The charts' render threads load their libraries while the simulation runs.
  const renderPool = args.svg || args.png ? await (await import('../reports/render/render-pool.js')).startRenderPool() : undefined;
  const output = beginOutput(dir);
  const runCount = (variants.length > 0 ? variants : [{ scenario }]).reduce(
    (n, v) => n + v.scenario.strategies.filter((st) => !args.strategy || args.strategy.includes(st.name)).length,
    0,
  );
  announceSize(runCount, expectedMessages(scenario), warn);
  const progress = progressBar(scenario.name);
  const messages = args.messagesCsv ? createMessagesCsvWriter(output.tempPath('messages.csv')) : undefined;
  try {
    const result = await runScenarioOnWorkers(scenario, { strategies: args.strategy, variants, messages, workers: capWorkers(workers, warn), onRunDone: (done) => progress.update(done, runCount) });
    progress.stop();
    messages?.close();
    const notes = [...stopNotes(result.runs), ...findings(result)];
    const files = await writeReport(result, output, { svg: args.svg, png: args.png, html: args.html, findings: notes, renderer: renderPool?.render });
    output.write('findings.txt', notes.map((note) => `${note}\n`).join(''));
    output.commit();
    const total = files.length + 1 + (messages ? 1 : 0);
    const strategies = new Set(result.runs.map((r) => r.summary.strategy)).size;
    const shape = `${strategies} strateg${strategies === 1 ? 'y' : 'ies'}${result.variants.length > 0 ? ` x ${result.variants.length} variants` : ''}`;
    print(`${scenario.name}: seed ${scenario.seed}, ${shape}\n`);
    print(formatComparisonTable(result.runs));
    if (notes.length > 0) print(`\nFindings:\n${notes.map((note) => `- ${note}\n`).join('')}`);
    print(`\nwrote ${total} files to ${dir}${path.sep}\n`);
  } catch (error) {
    progress.stop();
    messages?.close();
    output.abort();
    throw error;
  } finally {
    await renderPool?.close();
  }
}
