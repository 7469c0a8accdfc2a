// The command line: parse arguments, call the core, write files, map the outcome to an exit code.
// Nothing below the CLI prints or exits.
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { CustomStrategyError } from '../model/strategies/custom-strategy.js';
// The output folder alone (no other file of the reports layer), so that start-up stays light.
import { OutputError } from '../reports/output-dir.js';
import { packageVersion, prepareArgv } from './argv.js';
import { allowExit, guardExit, installSignalHandlers } from './signals.js';
import { exitCodeFor, UsageError, type Outcome } from './exit-codes.js';
import { playgroundModule } from './playground-command.js';

/**
 * A scenario file named on the command line, read from the folder the user typed it in: under
 * `npm run sim -- run FILE` the process runs at the package root, and npm says where the user was in
 * INIT_CWD. The name stays relative (to the process's folder) so that problems print it short.
 */
function userFile(file: string): string {
  const from = process.env.INIT_CWD;
  if (from === undefined || from === '' || path.isAbsolute(file) || path.resolve(from) === process.cwd()) return file;
  return path.relative(process.cwd(), path.resolve(from, file)) || file;
}

function out(text: string): void {
  process.stdout.write(text);
}

function report(error: unknown): Outcome {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.lines.join('\n')}\n`);
    return 'bad-input';
  }
  if (error instanceof OutputError) {
    process.stderr.write(`sim: ${error.message}\n`);
    return 'bad-input';
  }
  if (error instanceof CustomStrategyError) {
    // The user's own strategy module misbehaved: their input, not a bug in sim.
    process.stderr.write(`sim: ${error.message}\n`);
    return 'bad-input';
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sim: internal error: ${message}\n`);
  if (process.env.SIM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('sim: this is a bug in sim; set SIM_DEBUG=1 to see where it happened\n');
  return 'internal-error';
}

// Each command's modules are imported when it runs, so that `sim --help` and `sim schema` start light.
export async function main(argv: string[]): Promise<number> {
  let outcome: Outcome = 'ok';
  const guard = async (work: () => Promise<void> | void): Promise<void> => {
    try {
      await work();
    } catch (error) {
      outcome = report(error);
    }
  };
  let args: string[];
  try {
    args = prepareArgv(argv);
  } catch (error) {
    return exitCodeFor(report(error));
  }
  const parser = yargs(args)
    .scriptName('sim')
    .usage('$0 <command> [options]\n\nDiscrete-event simulator of NServiceBus MSMQ scale-out strategies.')
    .command(
      'run <file>',
      'run every strategy of a scenario and write CSV files and charts',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
          .option('out', { type: 'string', describe: 'output directory (default reports/<scenario name>)' })
          .option('seed', { type: 'string', describe: "override the scenario's seed (non-negative integer)" })
          .option('messages-csv', { type: 'boolean', default: false, describe: 'also write messages.csv, one row per message' })
          .option('strategy', { type: 'string', array: true, describe: 'run only this strategy (repeatable)' })
          .option('variant', { type: 'string', array: true, describe: 'run only this variant (repeatable)' })
          .option('set', { type: 'string', array: true, describe: 'override one scenario value: path=value (repeatable)' })
          .option('workers', { type: 'string', describe: 'worker threads: the runs (strategies, variants, sweep points) in parallel (default: one per core)' })
          .option('png', { type: 'boolean', default: true, describe: 'render charts to PNG too (--no-png to skip)' })
          .option('html', { type: 'boolean', default: true, describe: 'write report.html, everything in one page (--no-html to skip)' })
          .option('svg', { type: 'boolean', default: true, describe: 'render charts to SVG (--no-svg to skip)' })
          .option('shard', { type: 'string', describe: "run only shard I of N of the sweep's runs (I/N, 1-based) into --out DIR; then sim merge" })
          .option('shard-index-env', { type: 'string', describe: 'read the 0-based shard index from this environment variable (with --shards N)' })
          .option('shards', { type: 'string', describe: 'the number of shards, with --shard-index-env' })
          .option('redis', { type: 'string', describe: 'run the sweep on the `sim worker` pool behind this Redis URL' }),
      (a) =>
        guard(async () =>
          (await import('./run-command.js')).runCommand(
            { file: userFile(a.file), out: a.out, seed: a.seed, messagesCsv: a['messages-csv'], strategy: a.strategy, variant: a.variant, set: a.set, svg: a.svg, png: a.png, html: a.html, workers: a.workers, shard: a.shard, shardIndexEnv: a['shard-index-env'], shards: a.shards, redis: a.redis },
            out,
          ),
        ),
    )
    .command(
      'trace <file>',
      'tell the story of the first messages of one strategy, step by step',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
          .option('strategy', { type: 'string', describe: 'the strategy to trace (default: the first)' })
          .option('variant', { type: 'string', describe: 'the variant to trace (default: the first, or none)' })
          .option('messages', { type: 'string', describe: 'how many messages to follow (default 5)' })
          .option('from', { type: 'string', describe: 'follow the first messages sent at or after this time, e.g. 2m' })
          .option('mermaid', { type: 'string', describe: 'also write the story as a Mermaid sequence diagram to this file' })
          .option('seed', { type: 'string', describe: "override the scenario's seed (non-negative integer)" })
          .option('set', { type: 'string', array: true, describe: 'override one scenario value: path=value (repeatable)' }),
      (a) =>
        guard(async () =>
          (await import('./trace-command.js')).traceCommand({ file: userFile(a.file), strategy: a.strategy, variant: a.variant, messages: a.messages, from: a.from, mermaid: a.mermaid, seed: a.seed, set: a.set }, out),
        ),
    )
    .command(
      'merge <dirs..>',
      'merge the shard results of a sweep (sim run --shard) into its report',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'folders holding shard-I-of-N.jsonl files' })
          .option('out', { type: 'string', demandOption: true, describe: 'output directory for the report' })
          .option('png', { type: 'boolean', default: true, describe: 'render charts to PNG too (--no-png to skip)' })
          .option('html', { type: 'boolean', default: true, describe: 'write report.html (--no-html to skip)' })
          .option('svg', { type: 'boolean', default: true, describe: 'render charts to SVG (--no-svg to skip)' }),
      (a) => guard(async () => (await import('./merge-command.js')).mergeCommand({ dirs: a.dirs, out: a.out, svg: a.svg, png: a.png, html: a.html }, out)),
    )
    .command(
      'worker',
      'take runs of sweeps from a Redis queue (sim run --redis) until stopped',
      (y) =>
        y
          .option('redis', { type: 'string', demandOption: true, describe: 'Redis URL, e.g. redis://queue-host:6379' })
          .option('concurrency', { type: 'string', describe: 'runs at once, one thread each (default 1)' })
          .option('lock-timeout', { type: 'string', describe: "how long a run's lock lasts unrenewed: a dead worker's runs are taken up again after about this (default 10s)" }),
      (a) => guard(async () => (await import('./worker-command.js')).workerCommand({ redis: a.redis, concurrency: a.concurrency, lockTimeout: a['lock-timeout'] }, out)),
    )
    .command('schema', 'print the JSON Schema of the scenario format', {}, () =>
      guard(async () => out(`${JSON.stringify((await import('../scenario/schema.js')).scenarioJsonSchema(), null, 2)}\n`)),
    )
    .command(playgroundModule(guard, out))
    .demandCommand(1, 'name a command: run, trace, schema, playground, merge or worker')
    .recommendCommands()
    .strict()
    .help()
    .version(packageVersion())
    .exitProcess(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError([`sim: ${message}`, "run 'sim --help' for usage"]);
    });
  skipHelpCache(parser);
  const exitGuard = guardExit();
  try {
    await parser.parseAsync();
  } catch (error) {
    outcome = report(error);
  } finally {
    exitGuard.done();
  }
  return exitCodeFor(outcome);
}

/**
 * yargs renders a command's whole help text right after starting its handler, to have it ready for
 * a later showHelp() from inside the handler. sim never calls that (its failures print their own
 * message), and the rendering is about a fifth of the time of a scenario error. A yargs without this
 * internal hook is left as it is.
 */
function skipHelpCache(parser: object): void {
  type Internals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = (parser as Internals).getInternalMethods?.().getUsageInstance?.();
  if (usage !== undefined && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

// `sim trace ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    allowExit();
    process.exit(0);
  }
  throw error;
});

installSignalHandlers();
const code = await main(hideBin(process.argv));
process.exitCode = code;
