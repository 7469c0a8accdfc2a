// Senders: where they run, how often they re-read the instance mapping, and the message streams they
// produce: commands, each checked against the endpoint it is sent to, and events, each checked to
// have a subscriber.

import type { ArrivalSpec, SendSpec, SenderSpec } from '../model/scenario-types.js';
import { parseArrivals, withTraceTimes } from './arrivals.js';
import { type BuildContext, type Data, checkReference, durationAt, entries, isData, problemAt, problemAtKey, stringAt, integerAt } from './build-context.js';
import { checkEventHandled, handledMessageTypes } from './build-events.js';
import { dataFileValues } from './data-files.js';
import type { Segment } from './problem.js';
import { didYouMean, listChoices } from './suggest.js';

/** NServiceBus re-reads the instance-mapping file every 30 s. */
export const DEFAULT_REFRESH_MS = 30_000;

/** The keys of a sends entry besides `message` and `publish`. */
const OTHER_SEND_KEYS = ['to', 'arrivals', 'backlog'];

/** `stopMs`: stop.duration, if the run stops at a time (the horizon of mean arrival rates). */
export function buildSenders(ctx: BuildContext, data: Data, machines: readonly string[], stopMs: number | undefined): SenderSpec[] {
  const handled = handledMessageTypes(ctx, data.endpoints);
  const senders: SenderSpec[] = [];
  for (const [name, sender] of entries(ctx, data.senders, ['senders'])) {
    if (!isData(sender)) continue;
    const path = ['senders', name];
    const machine = stringAt(sender.machine);
    if (machine !== undefined) checkReference(ctx, [...path, 'machine'], machine, 'machine', machines);
    const sends: SendSpec[] = [];
    if (Array.isArray(sender.sends)) {
      sender.sends.forEach((send: unknown, index) => {
        const built = isData(send) ? buildSend(ctx, send, [...path, 'sends', index], data.endpoints, handled, stopMs) : undefined;
        if (built) sends.push(built);
      });
    }
    const refreshMs = Object.hasOwn(sender, 'refresh') ? durationAt(ctx, sender.refresh, [...path, 'refresh'], true) : DEFAULT_REFRESH_MS;
    senders.push({ name, machine: machine ?? '', sends, refreshMs: refreshMs ?? NaN });
  }
  return senders;
}

/** `{ message, to, arrivals }` sends a command; `{ publish, arrivals }` publishes an event. */
function buildSend(
  ctx: BuildContext,
  send: Data,
  path: readonly Segment[],
  rawEndpoints: unknown,
  handled: readonly string[],
  stopMs: number | undefined,
): SendSpec | undefined {
  const arrivals = arrivalsAt(ctx, send.arrivals, [...path, 'arrivals'], stopMs);
  const hasMessage = Object.hasOwn(send, 'message');
  const hasPublish = Object.hasOwn(send, 'publish');
  if (hasMessage && hasPublish) {
    problemAt(ctx, path, 'must have exactly one of message (a command) or publish (an event), got both');
    return undefined;
  }
  if (!hasMessage && !hasPublish) {
    // With other keys present (a misspelt `mesage`), the unknown-key problem already says what is wrong.
    if (Object.keys(send).every((k) => OTHER_SEND_KEYS.includes(k))) {
      problemAt(ctx, path, 'must have exactly one of message (a command) or publish (an event), got neither');
    }
    return undefined;
  }
  if (hasPublish) {
    if (Object.hasOwn(send, 'to')) {
      problemAtKey(ctx, [...path, 'to'], 'only a command (message) has a destination; an event (publish) goes to every endpoint that handles it, so remove it');
    }
    const event = stringAt(send.publish);
    if (event !== undefined) checkEventHandled(ctx, [...path, 'publish'], event, handled);
    if (event === undefined || arrivals === undefined) return undefined;
    return { message: event, publish: true, arrivals };
  }
  const message = stringAt(send.message);
  if (!Object.hasOwn(send, 'to')) {
    problemAt(ctx, path, 'is missing required key "to" (the endpoint the command is sent to; for an event, write publish instead of message)');
    return undefined;
  }
  const to = stringAt(send.to);
  // Endpoint names and handlers come from the data as written, not from the built model, so that a
  // reference to an endpoint with problems of its own is not reported as unknown as well.
  const endpointNames = entries(ctx, rawEndpoints, ['endpoints']).map(([n]) => n);
  if (to !== undefined && checkReference(ctx, [...path, 'to'], to, 'endpoint', endpointNames) && message !== undefined) {
    checkHandled(ctx, [...path, 'message'], message, to, rawEndpoints);
  }
  if (to === undefined || message === undefined || arrivals === undefined) return undefined;
  const backlog = Object.hasOwn(send, 'backlog') ? integerAt(send.backlog, 0) : undefined;
  return backlog !== undefined && backlog > 0 ? { message, to, publish: false, arrivals, backlog } : { message, to, publish: false, arrivals };
}

/** The destination endpoint must have a handler for the message type sent to it. */
function checkHandled(ctx: BuildContext, path: readonly Segment[], message: string, to: string, rawEndpoints: unknown): void {
  const endpoint = isData(rawEndpoints) ? rawEndpoints[to] : undefined;
  const handlers = isData(endpoint) ? endpoint.handlers : undefined;
  // A missing or mistyped handlers mapping is already reported; nothing to compare against.
  if (!isData(handlers)) return;
  const handled = entries(ctx, handlers, ['endpoints', to, 'handlers']).map(([m]) => m);
  if (handled.includes(message) || handled.length === 0) return;
  const hint = didYouMean(message, handled) || `; it handles ${listChoices(handled)}`;
  problemAt(ctx, path, `endpoint ${to} has no handler for ${JSON.stringify(message)}${hint}`);
}

function arrivalsAt(ctx: BuildContext, value: unknown, path: readonly Segment[], stopMs: number | undefined): ArrivalSpec | undefined {
  if (typeof value !== 'string') return undefined;
  const arrivals = parseArrivals(value, { stopMs });
  if (typeof arrivals === 'string') {
    problemAt(ctx, path, arrivals);
    return undefined;
  }
  if (arrivals.kind !== 'trace') return arrivals;
  const times = dataFileValues(ctx, 'times', arrivals.file, path);
  return times === undefined ? undefined : withTraceTimes(arrivals, times);
}
