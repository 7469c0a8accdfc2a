// The worker-thread entry of `sim worker` (piscina): runs one encoded task and answers with the
// encoded result, or with the failure and whether the scenario (a custom strategy) caused it.
import { CustomStrategyError } from '../model/strategies/custom-strategy.js';
import { runTask, type SweepTask } from '../metrics/sweep-task.js';
import { decode, encode } from './codec.js';

export type ThreadAnswer = { result: string } | { failure: string; scenario: boolean };

export default async function work(task: string): Promise<ThreadAnswer> {
  try {
    return { result: encode(await runTask(decode<SweepTask>(task))) };
  } catch (error) {
    return { failure: error instanceof Error ? error.message : String(error), scenario: error instanceof CustomStrategyError };
  }
}
