// `sim run FILE`: load and check the scenario, run every strategy, write the report directory all at
// once (or nothing), print the comparison table.
import path from 'node:path';
import { runScenario } from '../metrics/run.js';
import { beginOutput, createMessagesCsvWriter, formatComparisonTable, writeReport } from '../reports/index.js';
import { formatProblem, loadScenarioFile } from '../scenario/index.js';
import { checkStrategies, parseSeed } from './arguments.js';
import { UsageError } from './exit-codes.js';

export interface RunArgs {
  file: string;
  out?: string;
  seed?: unknown;
  messagesCsv: boolean;
  strategy?: string[];
  svg: boolean;
}

export async function runCommand(args: RunArgs, print: (text: string) => void): Promise<void> {
  const seed = parseSeed(args.seed);
  const loaded = loadScenarioFile(args.file);
  if (!loaded.ok) throw new UsageError(loaded.problems.map(formatProblem));
  const scenario = seed === undefined ? loaded.scenario : { ...loaded.scenario, seed };
  checkStrategies(args.strategy, scenario.strategies.map((s) => s.name));

  const dir = args.out ?? path.join('reports', scenario.name);
  const output = beginOutput(dir);
  const messages = args.messagesCsv ? createMessagesCsvWriter(output.tempPath('messages.csv')) : undefined;
  try {
    const result = await runScenario(scenario, { strategies: args.strategy, messages });
    messages?.close();
    const files = await writeReport(result, output, { svg: args.svg });
    output.commit();
    const total = files.length + (messages ? 1 : 0);
    print(`${scenario.name}: seed ${scenario.seed}, ${result.runs.length} strateg${result.runs.length === 1 ? 'y' : 'ies'}\n`);
    print(formatComparisonTable(result.runs));
    print(`\nwrote ${total} files to ${dir}${path.sep}\n`);
  } catch (error) {
    messages?.close();
    output.abort();
    throw error;
  }
}
