// Senders: where they run and the message streams they produce, each checked against the endpoint it
// is sent to.

import type { ArrivalSpec, SendSpec, SenderSpec } from '../model/scenario.js';
import { parseArrivals } from './arrivals.js';
import { type BuildContext, type Data, checkReference, entries, isData, problemAt, stringAt } from './build-context.js';
import type { Segment } from './problem.js';
import { didYouMean, listChoices } from './suggest.js';

export function buildSenders(ctx: BuildContext, data: Data, machines: readonly string[]): SenderSpec[] {
  const senders: SenderSpec[] = [];
  for (const [name, sender] of entries(ctx, data.senders, ['senders'])) {
    if (!isData(sender)) continue;
    const path = ['senders', name];
    const machine = stringAt(sender.machine);
    if (machine !== undefined) checkReference(ctx, [...path, 'machine'], machine, 'machine', machines);
    const sends: SendSpec[] = [];
    if (Array.isArray(sender.sends)) {
      sender.sends.forEach((send: unknown, index) => {
        const built = isData(send) ? buildSend(ctx, send, [...path, 'sends', index], data.endpoints) : undefined;
        if (built) sends.push(built);
      });
    }
    senders.push({ name, machine: machine ?? '', sends });
  }
  return senders;
}

function buildSend(ctx: BuildContext, send: Data, path: readonly Segment[], rawEndpoints: unknown): SendSpec | undefined {
  const to = stringAt(send.to);
  const message = stringAt(send.message);
  // Endpoint names and handlers come from the data as written, not from the built model, so that a
  // reference to an endpoint with problems of its own is not reported as unknown as well.
  const endpointNames = entries(ctx, rawEndpoints, ['endpoints']).map(([n]) => n);
  if (to !== undefined && checkReference(ctx, [...path, 'to'], to, 'endpoint', endpointNames) && message !== undefined) {
    checkHandled(ctx, [...path, 'message'], message, to, rawEndpoints);
  }
  const arrivals = arrivalsAt(ctx, send.arrivals, [...path, 'arrivals']);
  if (to === undefined || message === undefined || arrivals === undefined) return undefined;
  return { message, to, arrivals };
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

function arrivalsAt(ctx: BuildContext, value: unknown, path: readonly Segment[]): ArrivalSpec | undefined {
  if (typeof value !== 'string') return undefined;
  const arrivals = parseArrivals(value);
  if (typeof arrivals === 'string') {
    problemAt(ctx, path, arrivals);
    return undefined;
  }
  return arrivals;
}
