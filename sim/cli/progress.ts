// A progress bar with an ETA on stderr for long sweeps, only when stderr is a terminal (quiet when
// piped or in CI, so logs and tests stay clean).
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';

// Loaded only when a bar is shown: it and the text-width tables it brings cost a run's start-up.
const load = (): typeof CliProgress => createRequire(import.meta.url)('cli-progress') as typeof CliProgress;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string): Progress {
  if (!process.stderr.isTTY || process.env.CI) return { update: () => {}, stop: () => {} };
  const cliProgress = load();
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} runs, ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
