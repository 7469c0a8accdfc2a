// The words for each kind of trace step, rendered from its typed fields: the one place they are
// written (trace-level tests show them; the narrated trace uses them where it repeats them).
import type { LossCause, RouteHow, TraceRecord } from './kernel/trace.js';
import type { StrategyKind } from './scenario-types.js';
import { STRATEGIES } from './strategies/registry.js';

/** How a sender chose, as the trace says it: "round-robin counter 4", "at random", "fewest unacknowledged (2)". */
export function routeWords(how: RouteHow): string {
  const route = STRATEGIES[how.strategy as StrategyKind]?.route;
  if (route === undefined) return how.strategy;
  return route.count === 'inline' ? `${route.words} ${how.count}` : route.count === 'after' ? `${route.words} (${how.count})` : route.words;
}

/** The same as a reason in a sentence: "round-robin counter 4", "chosen at random", "fewest unacknowledged: 2". */
export function routeReason(how: RouteHow): string {
  const route = STRATEGIES[how.strategy as StrategyKind]?.route;
  if (route === undefined) return how.strategy;
  return route.count === 'inline' ? `${route.words} ${how.count}` : route.count === 'after' ? `${route.words}: ${how.count}` : `chosen ${route.words}`;
}

export function lossWords(loss: LossCause): string {
  switch (loss.cause) {
    case 'unroutable': return `${loss.sender} has no instance of ${loss.endpoint} in its mapping`;
    case 'express-crash': return 'lost in the crash (express)';
    case 'vanished': return 'vanished (duplicate QMId)';
  }
}

export function slotWords(slots: number, worker: string, session: number): string {
  return `${slots} free slot${slots === 1 ? '' : 's'} for ${worker}, session ${session}`;
}

export function mappingWords(mapping: Extract<TraceRecord, { event: 'refresh' }>['mapping']): string {
  return mapping.map((e) => `${e.endpoint}: ${e.instances.join(', ')}`).join('; ');
}

export function workWords(workMs: number, cpu: boolean): string {
  return `${+workMs.toFixed(3)} ms${cpu ? ' of CPU' : ''}`;
}

export function failWords(r: Extract<TraceRecord, { event: 'fail' }>): string {
  switch (r.next) {
    case 'immediate': return 'immediate retry';
    case 'delayed': return `delayed retry round ${r.round}`;
    case 'error': return 'to the error queue';
  }
}

const DROP_WHY = { 'old-session': 'not its current session', 'unknown-worker': 'worker not registered', disconnected: 'worker disconnected' } as const;

export function dropWords(r: Extract<TraceRecord, { event: 'drop' }>): string {
  return `${r.what === 'entry' ? 'free slot' : 'ready message'} of ${r.worker}, session ${r.session}, dropped: ${DROP_WHY[r.why]}`;
}

export function registrationWords(r: Extract<TraceRecord, { event: 'registration' }>): string {
  switch (r.change) {
    case 'starting': return `${r.worker} starting, session ${r.session}${r.removed > 0 ? `; its ${r.removed} old free slot${r.removed === 1 ? '' : 's'} removed` : ''}`;
    case 'from-entry': return `${r.worker} registered again from a popped free slot, session ${r.session}`;
    case 'disconnected': return `${r.worker} disconnected`;
  }
}

/** The step's particulars in words ('' when it has none), e.g. "session 2, capacity 1". */
export function traceDetail(r: TraceRecord): string {
  switch (r.event) {
    case 'start':
      if (r.process === 'worker') return `session ${r.session}, capacity ${r.capacity}`;
      return `concurrency ${r.concurrency}${r.takenOverFrom === undefined ? '' : `, its queues taken over from ${r.takenOverFrom}`}`;
    case 'crash': return r.process === 'worker' ? `${r.lostMs.toFixed(1)} ms of work lost` : 'its queues stay';
    case 'route': return routeWords(r.how);
    case 'send': return r.via === 'local' ? 'local' : r.via === 'broker' ? 'to the broker' : 'via the outgoing queue';
    case 'receive': return r.attempt !== undefined ? `attempt ${r.attempt}` : '';
    case 'handle': return workWords(r.workMs, r.cpu);
    case 'fail': return failWords(r);
    case 'rollback': return 'back to the head of the queue';
    case 'forward': return r.labelled ? `entry of session ${r.session}` : 'entry without a session id';
    case 'drop': return dropWords(r);
    case 'registration': return registrationWords(r);
    case 'register': return slotWords(r.slots, r.worker, r.session);
    case 'wait': return 'no free slot';
    case 'timeout': return `no free slot for ${r.afterMs} ms`;
    case 'refresh': return mappingWords(r.mapping);
    case 'delay': return `due in ${r.dueMs} ms`;
    case 'error': return `after ${r.attempts} attempts`;
    case 'fault':
      return r.change === 'owner' ? 'gets the acknowledgements' : r.change === 'new-owner' ? 'gets the acknowledgements now' : r.change;
    case 'stall': return `no acknowledgement; resend ${r.resend} in ${r.resendInMs / 1000} s`;
    case 'lost': return lossWords(r.loss);
    case 'subscribe': return `${r.endpoint} subscribed to ${r.eventType}${r.stored ? '' : ' (already stored)'}`;
    case 'missed': return `${r.eventType} not sent to ${r.endpoint}: no subscription stored yet`;
    case 'accept':
    case 'enqueue':
    case 'complete':
      return '';
  }
}
