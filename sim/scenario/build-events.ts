// Events: published by handlers (`publish:` on a handler) and by senders (`publish:` in a sends
// entry). An event goes to every endpoint that has a handler for it, so at least one must.

import { type BuildContext, entries, isData, problemAt } from './build-context.js';
import type { Segment } from './problem.js';
import { didYouMean, listChoices } from './suggest.js';

/**
 * Every message type some endpoint handles, in the order written. Taken from the data as written, not
 * the built model, so that an endpoint with problems of its own still counts as a subscriber.
 */
export function handledMessageTypes(ctx: BuildContext, rawEndpoints: unknown): string[] {
  const handled = new Set<string>();
  for (const [name, endpoint] of entries(ctx, rawEndpoints, ['endpoints'])) {
    if (!isData(endpoint)) continue;
    for (const [message] of entries(ctx, endpoint.handlers, ['endpoints', name, 'handlers'])) handled.add(message);
  }
  return [...handled];
}

/** The event named at `path` must have a subscriber. With no handlers anywhere, that is already reported. */
export function checkEventHandled(ctx: BuildContext, path: readonly Segment[], event: string, handled: readonly string[]): void {
  if (handled.includes(event) || handled.length === 0) return;
  const hint = didYouMean(event, handled) || `; handled message types are ${listChoices(handled)}`;
  problemAt(ctx, path, `no endpoint handles event ${JSON.stringify(event)}${hint}`);
}
