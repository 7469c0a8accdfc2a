// What a run is about to do, said before it starts when it is big (runs and messages), and the
// notes for runs whose sending stopped short of the stop rule because nothing could send any more.
import { availableParallelism } from 'node:os';
import type { RunResult } from '../metrics/results.js';
import type { Scenario } from '../model/scenario-types.js';

/** Above this many messages in all, the size of the run is printed (on stderr) before it starts. */
const ANNOUNCE_MESSAGES = 1_000_000;

/** The messages one run of `scenario` sends: the stop count, or the mean rate times the stop time. */
export function expectedMessages(scenario: Scenario): number {
  if (scenario.stop.messages !== undefined) return scenario.stop.messages;
  let rate = 0;
  for (const sender of scenario.senders) for (const send of sender.sends) rate += send.arrivals.ratePerSecond;
  return Math.round((rate * (scenario.stop.durationMs ?? 0)) / 1000);
}

export function announceSize(runs: number, messagesPerRun: number, warn: (text: string) => void): void {
  const messages = runs * messagesPerRun;
  if (messages < ANNOUNCE_MESSAGES) return;
  warn(`sim: ${runs} run${runs === 1 ? '' : 's'}, about ${messages.toLocaleString('en-US')} messages in all: this may take a while\n`);
}

/** "strategy (variant): why sending stopped early", one per run that stopped short. */
export function stopNotes(runs: readonly RunResult[]): string[] {
  return runs
    .filter((run) => run.stopReason !== undefined)
    .map((run) => `${run.summary.strategy}${run.summary.variant ? ` (${run.summary.variant})` : ''}: ${run.stopReason}`);
}

/**
 * --workers as used: at most one thread per core. More threads than cores cannot run a CPU-bound
 * sweep faster, and each thread holds its own WebAssembly histogram memory, so 64 threads on a small
 * machine exhaust the address space the WebAssembly memories reserve.
 */
export function capWorkers(wanted: number | undefined, warn: (text: string) => void): number | undefined {
  if (wanted === undefined) return undefined;
  const cores = availableParallelism();
  if (wanted <= cores) return wanted;
  warn(`sim: --workers ${wanted} capped at ${cores}, the cores of this machine: more threads cannot run faster and each holds its own WebAssembly memory\n`);
  return cores;
}
