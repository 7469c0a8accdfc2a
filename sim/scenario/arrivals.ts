// How a sender's messages arrive: `poisson(rate)` (exponential gaps) or `constant(rate)` (even gaps).

import type { ArrivalSpec } from '../model/scenario.js';
import { countArguments, parseCall } from './expression.js';
import { didYouMean } from './suggest.js';
import { parseRate } from './units.js';

const KINDS: readonly ArrivalSpec['kind'][] = ['poisson', 'constant'];

/** The arrival process, or an error message. */
export function parseArrivals(text: string): ArrivalSpec | string {
  const call = parseCall(text);
  if (call === undefined) {
    const shown = JSON.stringify(text);
    if (typeof parseRate(text) === 'number') {
      return `must be an arrival process, got ${shown}; write poisson(${text.trim()}) or constant(${text.trim()})`;
    }
    return `must be an arrival process such as poisson(8/s), got ${shown}; use one of ${KINDS.join(', ')}`;
  }
  const kind = KINDS.find((k) => k === call.name);
  if (kind === undefined) {
    return `unknown arrival process ${JSON.stringify(call.name)}; use one of ${KINDS.join(', ')}${didYouMean(call.name, KINDS)}`;
  }
  if (call.args.length !== 1) return `${kind} takes (rate), got ${countArguments(call.args.length)}`;
  const rate = parseRate(call.args[0]);
  if (typeof rate === 'string') return `${kind} rate: ${rate}`;
  return { kind, ratePerSecond: rate };
}
