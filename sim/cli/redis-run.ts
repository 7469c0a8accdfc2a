// `sim run FILE --redis URL`: the sweep's runs go to the worker pool behind URL instead of this
// machine's threads; everything else (the report, the printout) is the same as a local run.
import type { Scenario, Sweep } from '../model/scenario-types.js';
import type { SweepResult } from '../metrics/results.js';
import type { CostSpec } from '../scenario/index.js';
import { checkRedisUrl, runOnPool } from '../distributed/index.js';
import { asUsage } from './shard-command.js';

export function redisRunner(url: string, scenario: Scenario, sweep: Sweep, strategies: string[] | undefined, cost: CostSpec | undefined): (onProgress: (done: number, total: number) => void) => Promise<SweepResult> {
  return async (onProgress) => {
    // Ctrl-C or a TERM while waiting: take this sweep's runs off the queue before exiting.
    const abort = new AbortController();
    const stop = (): void => abort.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      return await asUsage(() => {
        checkRedisUrl(url);
        return runOnPool({ url, scenario, sweep, strategies, cost, onProgress, onNotice: (line) => process.stderr.write(`sim: ${line}\n`), signal: abort.signal });
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  };
}
