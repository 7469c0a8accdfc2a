// How a sender's messages arrive, one text form per process:
//   poisson(8/s)                            exponential gaps at a fixed rate
//   constant(8/s)                           even gaps
//   piecewise(0s=4/s, 10m=12/s, 20m=4/s)    Poisson whose rate changes in steps (from each time on)
//   daily(base=4/s, peak=20/s, at=12h)      Poisson with a daily cycle peaking at a time of day
//   bursts(poisson=2/s, every=10m, size=500) Poisson plus `size` messages at once every `every`
//   trace(file.csv)                         recorded send times (the caller reads the file)
// Each spec carries its mean rate (`ratePerSecond`): for piecewise and daily, over the run's horizon
// (stop.duration when the run stops at a time, else a day).

import type { ArrivalSpec } from '../model/scenario-types.js';
import { countArguments, parseCall } from './expression.js';
import { didYouMean } from './suggest.js';
import { formatDuration, formatRate, parseDuration, parseNonNegativeRate, parsePositiveDuration, parseRate } from './units.js';

type Kind = ArrivalSpec['kind'];
type Spec<K extends Kind> = Extract<ArrivalSpec, { kind: K }>;

/** One day: the period of `daily`, and the horizon of mean rates when the run stops at a message count. */
export const DAY_MS = 86_400_000;

/** What each process takes, in the words used by messages and documentation. */
export const ARRIVAL_SIGNATURES: Readonly<Record<Kind, string>> = {
  poisson: 'poisson(rate)',
  constant: 'constant(rate)',
  piecewise: 'piecewise(time=rate, ...)',
  daily: 'daily(base=rate, peak=rate, at=time of day)',
  bursts: 'bursts(poisson=rate, every=duration, size=count)',
  trace: 'trace(file.csv)',
};

const KINDS = Object.keys(ARRIVAL_SIGNATURES) as Kind[];

const EXAMPLES: Readonly<Record<'piecewise' | 'daily' | 'bursts', string>> = {
  piecewise: 'piecewise(0s=4/s, 10m=12/s, 20m=4/s)',
  daily: 'daily(base=4/s, peak=20/s, at=12h)',
  bursts: 'bursts(poisson=2/s, every=10m, size=500)',
};

export interface ArrivalOptions {
  /** stop.duration (ms), over which piecewise and daily average their rates; without it, a day. */
  readonly stopMs?: number;
}

/**
 * The arrival process, or an error message. For `trace` the result has no times yet (and a NaN
 * rate): the caller reads `file` (relative to the scenario file) and completes it with withTraceTimes.
 */
export function parseArrivals(text: string, options: ArrivalOptions = {}): ArrivalSpec | string {
  const call = parseCall(text);
  if (call === undefined) {
    const shown = JSON.stringify(text);
    // YAML ends a value at a comma inside { ... }: `{ arrivals: piecewise(0s=4/s, 10m=12/s) }` arrives
    // here as "piecewise(0s=4/s".
    if (text.includes('(') && !text.includes(')')) {
      return `must be an arrival process, got ${shown}, which looks cut short at a comma: inside { ... } put quotes around a value that has commas, e.g. arrivals: "${EXAMPLES.piecewise}"`;
    }
    if (typeof parseRate(text) === 'number') {
      return `must be an arrival process, got ${shown}; write poisson(${text.trim()}) or constant(${text.trim()})`;
    }
    return `must be an arrival process such as poisson(8/s), got ${shown}; use one of ${KINDS.join(', ')}`;
  }
  const kind = KINDS.find((k) => k === call.name);
  if (kind === undefined) {
    return `unknown arrival process ${JSON.stringify(call.name)}; use one of ${KINDS.join(', ')}${didYouMean(call.name, KINDS)}`;
  }
  const horizon = options.stopMs === undefined ? { ms: DAY_MS, words: 'in the first 24h (the run stops at a message count)' } : { ms: options.stopMs, words: `before stop.duration (${formatDuration(options.stopMs)})` };
  switch (kind) {
    case 'poisson':
    case 'constant': {
      if (call.args.length !== 1) return `${kind} takes (rate), got ${countArguments(call.args.length)}`;
      const rate = parseRate(call.args[0]);
      if (typeof rate === 'string') return `${kind} rate: ${rate}`;
      return { kind, ratePerSecond: rate };
    }
    case 'piecewise':
      return piecewise(call.args, horizon);
    case 'daily':
      return daily(call.args, horizon);
    case 'bursts':
      return bursts(call.args);
    case 'trace': {
      // The file name may be quoted, so that it can hold spaces, commas or parentheses.
      const file = call.argsText.replace(/^(["'])(.*)\1$/s, '$2').trim();
      if (file === '') return 'trace takes (file.csv), got no file name';
      return { kind: 'trace', ratePerSecond: NaN, file, timesMs: [] };
    }
  }
}

interface Horizon {
  readonly ms: number;
  /** `before stop.duration (1h)`, for messages. */
  readonly words: string;
}

function piecewise(args: readonly string[], horizon: Horizon): Spec<'piecewise'> | string {
  if (args.length === 0) return `piecewise takes (time=rate, ...), e.g. ${EXAMPLES.piecewise}, got no arguments`;
  const steps: { atMs: number; ratePerSecond: number }[] = [];
  for (const [i, arg] of args.entries()) {
    const step = `piecewise step ${i + 1}`;
    const eq = arg.indexOf('=');
    if (eq < 0) return `${step}: must be time=rate, e.g. 10m=12/s, got ${JSON.stringify(arg)}`;
    const atMs = parseDuration(arg.slice(0, eq).trim());
    if (typeof atMs === 'string') return `${step} time: ${atMs}`;
    const rate = parseNonNegativeRate(arg.slice(eq + 1).trim());
    if (typeof rate === 'string') return `${step} rate: ${rate}`;
    if (i === 0 && atMs !== 0) return `piecewise must start at 0s (the rate from the start), got ${JSON.stringify(arg)} first`;
    if (i > 0 && atMs <= steps[i - 1].atMs) {
      return `piecewise times must increase from step to step, got ${JSON.stringify(arg)} after ${JSON.stringify(args[i - 1])}`;
    }
    steps.push({ atMs, ratePerSecond: rate });
  }
  if (steps.every((s) => s.ratePerSecond === 0)) return 'piecewise needs at least one rate > 0, got only rates of 0';
  const mean = piecewiseMean(steps, horizon.ms);
  if (mean === 0) return `piecewise sends nothing ${horizon.words}: every rate until then is 0`;
  return { kind: 'piecewise', ratePerSecond: mean, steps };
}

/** The mean rate of the steps over [0, horizon). */
export function piecewiseMean(steps: readonly { readonly atMs: number; readonly ratePerSecond: number }[], horizonMs: number): number {
  let sum = 0;
  steps.forEach((step, i) => {
    const start = Math.min(step.atMs, horizonMs);
    const end = Math.min(i + 1 < steps.length ? steps[i + 1].atMs : Infinity, horizonMs);
    sum += step.ratePerSecond * (end - start);
  });
  return sum / horizonMs;
}

function daily(args: readonly string[], horizon: Horizon): Spec<'daily'> | string {
  const named = namedArguments('daily', args, ['base', 'peak', 'at']);
  if (typeof named === 'string') return named;
  const baseRate = parseNonNegativeRate(named.base);
  if (typeof baseRate === 'string') return `daily base: ${baseRate}`;
  const peakRate = parseRate(named.peak);
  if (typeof peakRate === 'string') return `daily peak: ${peakRate}`;
  const peakAtMs = parseDuration(named.at);
  if (typeof peakAtMs === 'string') return `daily at: ${peakAtMs}`;
  if (peakAtMs >= DAY_MS) return `daily at: must be a time of day, from 0h to less than 24h, got ${JSON.stringify(named.at)}`;
  if (peakRate < baseRate) return `daily needs base <= peak, got base=${named.base}, peak=${named.peak}`;
  const ratePerSecond = dailyMean(baseRate, peakRate, peakAtMs, DAY_MS, horizon.ms);
  return { kind: 'daily', ratePerSecond, baseRate, peakRate, peakAtMs, periodMs: DAY_MS };
}

/**
 * The mean over [0, horizon) of the raised cosine base + (peak - base) (1 + cos(2π (t - at) / period)) / 2.
 * Whole periods average exactly (base + peak) / 2; only the part of a period left over is integrated.
 */
export function dailyMean(base: number, peak: number, atMs: number, periodMs: number, horizonMs: number): number {
  const rest = horizonMs % periodMs;
  const half = (peak - base) / 2;
  if (rest === 0) return base + half;
  const w = (2 * Math.PI) / periodMs;
  // ∫ cos(w (t - at)) dt over [0, rest], from the start of the last (partial) period.
  const cosIntegral = (Math.sin(w * (rest - atMs)) + Math.sin(w * atMs)) / w;
  return base + half + (half * cosIntegral) / horizonMs;
}

function bursts(args: readonly string[]): Spec<'bursts'> | string {
  const named = namedArguments('bursts', args, ['poisson', 'every', 'size']);
  if (typeof named === 'string') return named;
  const baseRate = parseNonNegativeRate(named.poisson);
  if (typeof baseRate === 'string') return `bursts poisson: ${baseRate}`;
  const everyMs = parsePositiveDuration(named.every);
  if (typeof everyMs === 'string') return `bursts every: ${everyMs}`;
  // size is a count of messages, so a whole number without a unit.
  if (!/^\d+$/.test(named.size) || Number(named.size) < 1) {
    return `bursts size: must be a positive integer (messages per burst), got ${JSON.stringify(named.size)}`;
  }
  const size = Number(named.size);
  return { kind: 'bursts', ratePerSecond: baseRate + size / (everyMs / 1000), baseRate, everyMs, size };
}

/**
 * `name=value` arguments in any order, each of `names` exactly once, or an error message. The values
 * are trimmed text.
 */
function namedArguments<N extends string>(kind: 'daily' | 'bursts', args: readonly string[], names: readonly N[]): Record<N, string> | string {
  const example = EXAMPLES[kind];
  const given = new Map<N, string>();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq < 0) return `${kind} takes named arguments ${ARRIVAL_SIGNATURES[kind]}, got ${JSON.stringify(arg)}; write e.g. ${example}`;
    const name = arg.slice(0, eq).trim();
    const known = names.find((n) => n === name);
    if (known === undefined) {
      return `${kind} has no argument ${JSON.stringify(name)}${didYouMean(name, names) || `; its arguments are ${names.join(', ')}`}`;
    }
    if (given.has(known)) return `${kind} has ${known}= twice; give each argument once`;
    given.set(known, arg.slice(eq + 1).trim());
  }
  const missing = names.filter((n) => !given.has(n));
  if (missing.length > 0) return `${kind} is missing ${missing.map((n) => `${n}=`).join(', ')}; write e.g. ${example}`;
  return Object.fromEntries(given) as Record<N, string>;
}

/** A trace with its send times (ms, non-decreasing, at least one) and their mean rate. */
export function withTraceTimes(spec: Spec<'trace'>, timesMs: readonly number[]): Spec<'trace'> {
  const last = timesMs[timesMs.length - 1];
  // All at time 0: count per second, as if they spanned one second.
  const ratePerSecond = last === 0 ? timesMs.length : timesMs.length / (last / 1000);
  return { ...spec, ratePerSecond, timesMs };
}

/**
 * The process with its mean rate changed to `perSecond`, as text that parseArrivals reads back (a
 * sweep or --set of `.rate` rewrites the arrivals this way): poisson and constant take it as their
 * rate; piecewise, daily and bursts scale every rate by perSecond / mean (bursts keep their size and
 * come that much more often). Undefined for a trace, whose times are recorded.
 */
export function arrivalsTextWithMean(spec: ArrivalSpec, perSecond: number): string | undefined {
  const factor = perSecond / spec.ratePerSecond;
  switch (spec.kind) {
    case 'poisson':
    case 'constant':
      return `${spec.kind}(${formatRate(perSecond)})`;
    case 'piecewise':
      return `piecewise(${spec.steps.map((s) => `${s.atMs}ms=${formatRate(s.ratePerSecond * factor)}`).join(', ')})`;
    case 'daily':
      return `daily(base=${formatRate(spec.baseRate * factor)}, peak=${formatRate(spec.peakRate * factor)}, at=${spec.peakAtMs}ms)`;
    case 'bursts':
      return `bursts(poisson=${formatRate(spec.baseRate * factor)}, every=${spec.everyMs / factor}ms, size=${spec.size})`;
    case 'trace':
      return undefined;
  }
}
