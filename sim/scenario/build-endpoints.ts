// Logical endpoints: their handlers, the instances (workers) they are scaled out to (build-instances.ts)
// and their retry policy.

import type { EndpointSpec, RetrySpec } from '../model/scenario-types.js';
import { type BuildContext, type Data, durationAt, entries, integerAt, isData, optional } from './build-context.js';
import { handledMessageTypes } from './build-events.js';
import { buildHandlers } from './build-handlers.js';
import { buildInstances } from './build-instances.js';
import type { Segment } from './problem.js';

/** NServiceBus's defaults: 5 immediate retries, then delayed rounds after 10 s, 20 s and 30 s. */
export const DEFAULT_RETRIES: RetrySpec = { immediate: 5, delayedMs: [10_000, 20_000, 30_000] };

export function buildEndpoints(ctx: BuildContext, data: Data, machines: readonly string[]): EndpointSpec[] {
  const handled = handledMessageTypes(ctx, data.endpoints);
  const endpoints: EndpointSpec[] = [];
  for (const [name, endpoint] of entries(ctx, data.endpoints, ['endpoints'])) {
    if (!isData(endpoint)) continue;
    const path = ['endpoints', name];
    const handlers = buildHandlers(ctx, endpoint.handlers, [...path, 'handlers'], handled);
    const instances = buildInstances(ctx, endpoint.instances, [...path, 'instances'], machines);
    const retries = Object.hasOwn(endpoint, 'retries') ? buildRetries(ctx, endpoint.retries, [...path, 'retries']) : DEFAULT_RETRIES;
    // The schema holds it to its two words; anything else was reported there.
    const subscriptions = endpoint.subscriptions === 'per-instance' ? 'per-instance' : 'shared';
    endpoints.push({ name, handlers, instances, retries, subscriptions });
  }
  return endpoints;
}

/** `retries: { immediate: N, delayed: [10s, ...] }`; each key not given keeps its default. */
function buildRetries(ctx: BuildContext, value: unknown, path: readonly Segment[]): RetrySpec {
  const retries = isData(value) ? value : {};
  const immediate = optional(retries, 'immediate', (v) => integerAt(v, 0), DEFAULT_RETRIES.immediate);
  let delayedMs = DEFAULT_RETRIES.delayedMs;
  if (Object.hasOwn(retries, 'delayed')) {
    const delayed = Array.isArray(retries.delayed) ? retries.delayed : [];
    delayedMs = delayed.map((d: unknown, i) => durationAt(ctx, d, [...path, 'delayed', i], true) ?? NaN);
  }
  return { immediate: immediate ?? NaN, delayedMs };
}
