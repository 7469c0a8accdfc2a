// Option values of `sim worker` yargs leaves as strings.
import { parsePositiveDuration } from '../scenario/index.js';
import { UsageError } from './exit-codes.js';

export { UsageError };

/** A duration such as 10s or 1500ms, in whole milliseconds (at least 100 ms). */
export function parseDurationOption(option: string, text: string): number {
  const ms = parsePositiveDuration(text);
  if (typeof ms === 'string') throw new UsageError([`sim: ${option} ${ms}`]);
  if (ms < 100) throw new UsageError([`sim: ${option} must be at least 100ms, got ${JSON.stringify(text)}`]);
  return Math.round(ms);
}
