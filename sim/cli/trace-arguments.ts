// Checking the options of `sim trace` that yargs leaves as strings, in the style of arguments.ts.
import { parseDuration } from '../scenario/index.js';
import { UsageError } from './exit-codes.js';

/** --messages: how many messages to follow (default 5). */
export function parseMessageCount(raw: unknown): number {
  if (raw === undefined) return 5;
  const text = String(raw);
  if (!/^\d+$/.test(text) || Number(text) === 0 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError([`sim: --messages must be a positive integer, got ${JSON.stringify(text)}`]);
  }
  return Number(text);
}

/** --from: a simulated time with a unit (default 0). */
export function parseFrom(raw: unknown): number {
  if (raw === undefined) return 0;
  const ms = parseDuration(String(raw));
  if (typeof ms === 'string') throw new UsageError([`sim: --from ${ms}`]);
  return ms;
}

/** An option that names one thing (--strategy, --variant): given at most once. */
export function parseOne(raw: unknown, flag: string): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) {
    throw new UsageError([`sim: ${flag} takes one name in sim trace, got ${raw.length}: ${raw.map((v) => JSON.stringify(String(v))).join(', ')}`]);
  }
  return String(raw);
}

/** --mermaid FILE: a file name, not an empty string. */
export function parseMermaidPath(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (text === '') throw new UsageError(['sim: --mermaid needs a file name, e.g. --mermaid trace.mmd']);
  return text;
}
