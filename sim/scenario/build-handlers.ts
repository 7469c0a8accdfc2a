// An endpoint's handlers: message type -> processing-time distribution (with `empirical(file.csv)`
// data read relative to the scenario file), the optional reply and published event, whether the work
// is CPU-bound, and how often an attempt fails.

import type { DistributionSpec, HandlerSpec } from '../model/scenario-types.js';
import { type BuildContext, booleanAt, entries, isData, numberAt, optional, problemAt, stringAt } from './build-context.js';
import { checkEventHandled } from './build-events.js';
import { dataFileValues } from './data-files.js';
import { parseDistribution } from './distribution.js';
import type { Segment } from './problem.js';

export const DEFAULT_CPU_BOUND = false;
export const DEFAULT_FAILURE_PROBABILITY = 0;

const isProbability = (n: number) => n >= 0 && n <= 1;

/** `handled`: every message type some endpoint handles, the subscribers of a published event. */
export function buildHandlers(ctx: BuildContext, value: unknown, path: readonly Segment[], handled: readonly string[]): HandlerSpec[] {
  const handlers: HandlerSpec[] = [];
  for (const [message, handler] of entries(ctx, value, path)) {
    if (!isData(handler)) continue;
    const duration = distributionAt(ctx, handler.duration, [...path, message, 'duration']);
    const reply = stringAt(handler.reply);
    const publish = stringAt(handler.publish);
    if (publish !== undefined) checkEventHandled(ctx, [...path, message, 'publish'], publish, handled);
    const cpuBound = optional(handler, 'cpuBound', booleanAt, DEFAULT_CPU_BOUND);
    const failureProbability = optional(handler, 'failureProbability', (v) => numberAt(v, isProbability), DEFAULT_FAILURE_PROBABILITY);
    if (duration === undefined) continue;
    handlers.push({
      message,
      duration,
      // Optional fields that were not given are absent, not present-and-undefined.
      ...(reply === undefined ? {} : { reply }),
      ...(publish === undefined ? {} : { publish }),
      cpuBound: cpuBound ?? DEFAULT_CPU_BOUND,
      failureProbability: failureProbability ?? NaN,
    });
  }
  return handlers;
}

function distributionAt(ctx: BuildContext, value: unknown, path: readonly Segment[]): DistributionSpec | undefined {
  if (typeof value !== 'string') return undefined;
  const spec = parseDistribution(value);
  if (typeof spec === 'string') {
    problemAt(ctx, path, spec);
    return undefined;
  }
  if (spec.kind !== 'empirical') return spec;
  const samples = dataFileValues(ctx, 'durations', spec.file, path);
  return samples === undefined ? undefined : { ...spec, samples };
}
