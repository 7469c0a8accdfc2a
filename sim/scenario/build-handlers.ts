// An endpoint's handlers: message type -> processing-time distribution (with `empirical(file.csv)`
// data read relative to the scenario file), the optional reply and published event, whether the work
// is CPU-bound, and how often an attempt fails.

import { dirname, isAbsolute, join } from 'node:path';
import type { DistributionSpec, HandlerSpec } from '../model/scenario.js';
import { type BuildContext, booleanAt, entries, isData, numberAt, optional, problemAt, stringAt } from './build-context.js';
import { checkEventHandled } from './build-events.js';
import { parseDistribution } from './distribution.js';
import { readEmpiricalData } from './empirical-data.js';
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
  const samples = empiricalSamples(ctx, spec.file, path);
  return samples === undefined ? undefined : { ...spec, samples };
}

/**
 * The samples in `file`, relative to the scenario's folder. Problems inside the data file are reported
 * at their own lines there, and listed right after a problem at the scenario field naming the file.
 */
function empiricalSamples(ctx: BuildContext, file: string, path: readonly Segment[]): readonly number[] | undefined {
  const resolved = isAbsolute(file) ? file : join(dirname(ctx.file), file);
  let data = ctx.dataFiles.get(resolved);
  if (data === undefined) {
    data = readEmpiricalData(resolved);
    ctx.dataFiles.set(resolved, data);
  }
  const named = `empirical data file ${JSON.stringify(resolved)}`;
  if (data.fileProblem !== undefined) {
    problemAt(ctx, path, `${named}: ${data.fileProblem}`);
    return undefined;
  }
  if (data.lineProblems.length > 0) {
    const n = data.lineProblems.length;
    problemAt(ctx, path, `${named} has ${n === 1 ? '1 problem' : `${n} problems`} (listed next)`);
    const anchor = ctx.source.valuePos(path);
    for (const p of data.lineProblems) ctx.problems.addElsewhere(p, anchor);
    return undefined;
  }
  return data.samples;
}
