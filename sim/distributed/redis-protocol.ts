// What the pool's jobs carry between `sim run --redis` and `sim worker`: one run of a sweep per job,
// the sim version that queued it, and failure reasons that say whose problem a failure is.
export const QUEUE_NAME = 'sim-runs';

export interface RunJobData {
  /** This sweep's id: the scenario hash and a random part (each `sim run --redis` is its own sweep). */
  sweep: string;
  /** The run's place in the sweep. */
  index: number;
  simVersion: string;
  /** The SweepTask, encoded (codec.ts). */
  task: string;
}

/** A job's failure reason starts with one of these: the scenario's fault and a version mismatch exit 2. */
export const SCENARIO_FAILURE = 'scenario: ';
export const VERSION_FAILURE = 'version: ';

export function jobId(sweep: string, index: number): string {
  return `${sweep}-${index}`;
}

/** The worker's name as Redis lists it: sim@VERSION@HOST@PID (no spaces or colons). */
export function workerName(version: string, host: string, pid: number): string {
  return ['sim', version, host, String(pid)].map((p) => p.replace(/[\s:@]/g, '_')).join('@');
}

export function parseWorkerName(raw: string): { version: string; where: string } | undefined {
  const name = raw.slice(raw.lastIndexOf(':w:') + 3);
  const parts = name.split('@');
  if (parts.length !== 4 || parts[0] !== 'sim') return undefined;
  return { version: parts[1], where: `${parts[2]} pid ${parts[3]}` };
}
