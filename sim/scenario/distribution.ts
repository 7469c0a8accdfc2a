// Handler durations: `constant(x)`, `exponential(mean)`, `uniform(a, b)`, `erlang(k, mean)`,
// `lognormal(mean, p99)` and `empirical(file.csv)`, parsed into the model's DistributionSpec.
// The empirical form only names its file here; empirical-data.ts reads the samples.

import type { DistributionSpec } from '../model/scenario-types.js';
import { countArguments, parseCall } from './expression.js';
import { didYouMean } from './suggest.js';
import { parseDuration, parsePositiveDuration } from './units.js';

type Kind = DistributionSpec['kind'];

/** What each distribution takes, in the words used by messages and documentation. */
export const DISTRIBUTION_SIGNATURES: Readonly<Record<Kind, readonly string[]>> = {
  constant: ['value'],
  exponential: ['mean'],
  uniform: ['min', 'max'],
  erlang: ['k', 'mean'],
  lognormal: ['mean', 'p99'],
  empirical: ['file.csv'],
};

const KINDS = Object.keys(DISTRIBUTION_SIGNATURES) as Kind[];

function isKind(name: string): name is Kind {
  return Object.hasOwn(DISTRIBUTION_SIGNATURES, name);
}

/** `erlang(k, mean)` */
export function distributionSignature(kind: Kind): string {
  return `${kind}(${DISTRIBUTION_SIGNATURES[kind].join(', ')})`;
}

/**
 * The distribution, or an error message. For `empirical` the result has no samples yet: the caller
 * reads `file` (relative to the scenario file) and fills them in.
 */
export function parseDistribution(text: string): DistributionSpec | string {
  const call = parseCall(text);
  if (call === undefined) {
    const shown = JSON.stringify(text);
    // YAML ends a value at a comma inside { ... }, so `{ duration: erlang(3, 1.5s) }` arrives here as
    // "erlang(3" (and an unknown key "1.5s)"): explain the quoting rather than the syntax.
    if (text.includes('(') && !text.includes(')')) {
      return `must be a distribution, got ${shown}, which looks cut short at a comma: inside { ... } put quotes around a value that has commas, e.g. duration: "uniform(100ms, 300ms)"`;
    }
    // A plain duration is the likeliest slip: say how to write a fixed time.
    if (typeof parseDuration(text) === 'number') {
      return `must be a distribution, got ${shown}; for a fixed time write constant(${text.trim()})`;
    }
    return `must be a distribution such as exponential(200ms), got ${shown}; use one of ${KINDS.join(', ')}`;
  }
  const { name, args } = call;
  if (!isKind(name)) {
    return `unknown distribution ${JSON.stringify(name)}; use one of ${KINDS.join(', ')}${didYouMean(name, KINDS)}`;
  }
  if (name === 'empirical') return empirical(call.argsText);
  const expected = DISTRIBUTION_SIGNATURES[name].length;
  if (args.length !== expected) {
    return `${name} takes (${DISTRIBUTION_SIGNATURES[name].join(', ')}), got ${countArguments(args.length)}`;
  }
  switch (name) {
    case 'constant': {
      const value = argument(name, 'value', parseDuration(args[0]));
      return typeof value === 'string' ? value : { kind: 'constant', value };
    }
    case 'exponential': {
      const mean = argument(name, 'mean', parsePositiveDuration(args[0]));
      return typeof mean === 'string' ? mean : { kind: 'exponential', mean };
    }
    case 'uniform':
      return uniform(args[0], args[1]);
    case 'erlang':
      return erlang(args[0], args[1]);
    case 'lognormal':
      return lognormal(args[0], args[1]);
  }
}

/** Prefixes an argument's own message with the distribution and argument name. */
function argument(kind: Kind, arg: string, parsed: number | string): number | string {
  return typeof parsed === 'string' ? `${kind} ${arg}: ${parsed}` : parsed;
}

function uniform(minText: string, maxText: string): DistributionSpec | string {
  const min = argument('uniform', 'min', parseDuration(minText));
  if (typeof min === 'string') return min;
  const max = argument('uniform', 'max', parsePositiveDuration(maxText));
  if (typeof max === 'string') return max;
  if (min > max) return `uniform needs min <= max, got uniform(${minText}, ${maxText})`;
  return { kind: 'uniform', min, max };
}

function erlang(kText: string, meanText: string): DistributionSpec | string {
  // k is a count of exponential phases, so a whole number without a unit.
  if (!/^\d+$/.test(kText) || Number(kText) < 1) {
    return `erlang k: must be a positive integer (the number of phases), got ${JSON.stringify(kText)}`;
  }
  const mean = argument('erlang', 'mean', parsePositiveDuration(meanText));
  if (typeof mean === 'string') return mean;
  return { kind: 'erlang', k: Number(kText), mean };
}

function lognormal(meanText: string, p99Text: string): DistributionSpec | string {
  const mean = argument('lognormal', 'mean', parsePositiveDuration(meanText));
  if (typeof mean === 'string') return mean;
  const p99 = argument('lognormal', 'p99', parsePositiveDuration(p99Text));
  if (typeof p99 === 'string') return p99;
  // A log-normal's p99 is above its mean for any spread; equal would mean no spread at all.
  if (p99 <= mean) return `lognormal needs 0 < mean < p99, got lognormal(${meanText}, ${p99Text})`;
  return { kind: 'lognormal', mean, p99 };
}

function empirical(argsText: string): DistributionSpec | string {
  // The file name may be quoted, so that it can hold spaces, commas or parentheses.
  const file = argsText.replace(/^(["'])(.*)\1$/s, '$2').trim();
  if (file === '') return `empirical takes (file.csv), got no file name`;
  return { kind: 'empirical', file, samples: [] };
}
