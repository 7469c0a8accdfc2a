// The worker-thread entry of the sweep pool (piscina): runs one task. A custom strategy module's
// problem comes back as plain data (an error's class does not survive the thread boundary), so the
// main thread reports it exactly as a run on one thread would.
import { CustomStrategyError } from '../model/strategies/custom-strategy.js';
import type { RunResult } from './results.js';
import { runTask, type SweepTask } from './sweep-task.js';

export interface CustomProblem {
  customStrategyError: string;
}

export default async function work(task: SweepTask): Promise<RunResult | CustomProblem> {
  try {
    return await runTask(task);
  } catch (error) {
    if (error instanceof CustomStrategyError) return { customStrategyError: error.message };
    throw error;
  }
}
