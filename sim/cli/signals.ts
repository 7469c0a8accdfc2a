// Ctrl-C and kill: stop, remove the temporary report folder, say `interrupted`, exit 128 + the signal
// number (130 for SIGINT, 143 for SIGTERM). A signal is acted on between runs: a run in progress on
// the main thread finishes its current strategy first; sweep runs on worker threads end at once.
// The output folder alone (no other file of the reports layer), so that start-up stays light.
import { abortOpenOutputs } from '../reports/output-dir.js';

const CODES = { SIGINT: 130, SIGTERM: 143 } as const;
/** Extra clean-ups (a temp file of `trace --mermaid`), run before exiting on a signal. */
const cleanups = new Set<() => void>();

export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function installSignalHandlers(): void {
  for (const signal of Object.keys(CODES) as (keyof typeof CODES)[]) {
    process.once(signal, () => {
      abortOpenOutputs();
      for (const cleanup of cleanups) cleanup();
      process.stderr.write('\nsim: interrupted\n');
      allowExit();
      process.exit(CODES[signal]);
    });
  }
}

let exitAllowed = false;
let commandRunning = false;

/** Exits of our own (a signal, a closed pipe) are allowed; any other exit during a command is not. */
export function allowExit(): void {
  exitAllowed = true;
}

/**
 * While a command runs, an exit with code 0 that sim did not ask for (a custom strategy module calling
 * process.exit) becomes exit 2 with a message: a run never ends "successfully" without its report.
 */
export function guardExit(): { done(): void } {
  commandRunning = true;
  process.once('exit', (code) => {
    if (!commandRunning || exitAllowed || code !== 0) return;
    process.stderr.write('sim: the process was ended during the run before its report was written (a custom strategy module calling process.exit?)\n');
    process.exitCode = 2;
  });
  return {
    done() {
      commandRunning = false;
    },
  };
}
