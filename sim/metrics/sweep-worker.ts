// The worker-thread entry of the sweep pool (piscina): runs one task.
import type { RunResult } from './results.js';
import { runTask, type SweepTask } from './sweep-task.js';

export default function work(task: SweepTask): Promise<RunResult> {
  return runTask(task);
}
