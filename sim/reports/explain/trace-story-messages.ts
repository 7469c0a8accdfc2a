// TraceStory's handlers for the messages themselves: route and send, store and receive, roll back,
// commit (complete, delayed retry, error queue), replies and losses.
import type { TraceRecord } from '../../model/kernel/trace.js';
import { failWords, traceDetail } from '../../model/trace-words.js';
import { workLabel } from './trace-labels.js';
import { onAckReceive, onControlSend } from './trace-story-distributor.js';
import type { Commit, Followed, StoryState } from './trace-story-state.js';
import type { CompleteStep, FailStep } from './trace-steps.js';

export function onRoute(s: StoryState, r: Extract<TraceRecord, { event: 'route' }>): void {
  const f = s.newWork(r);
  const type = workLabel(r.message)?.type ?? '';
  const targets = s.routeTargets.get(type);
  if (targets === undefined) s.routeTargets.set(type, new Set([r.where]));
  else targets.add(r.where);
  // An event published by a handler: its publisher is named after the instance.
  const publisher = r.by.endsWith('.publisher') ? s.commits.get(r.by.slice(0, -'.publisher'.length)) : undefined;
  if (publisher?.time === r.time_ms && publisher.step?.kind === 'complete') publisher.step.publishes.push(r.message);
  const sender = r.by.endsWith('.publisher') ? r.by.slice(0, -'.publisher'.length) : r.by;
  if (f) f.sendStep = { kind: 'send', time: r.time_ms, msg: r.message, sender, machine: '', queue: '', via: '', chosen: r.where, how: r.how, target: r.where, targetKind: 'instance' };
}

export function onSend(s: StoryState, r: Extract<TraceRecord, { event: 'send' }>, f: Followed | undefined): void {
  const work = workLabel(r.message);
  if (work === undefined) return onControlSend(s, r);
  if (f === undefined) {
    if (!s.seen.has(work.id)) {
      // A new message without a route record: to a distributor or the shared queue, or published.
      const commit = s.machineCommits.get(r.by);
      const publisher = commit?.time === r.time_ms && commit.step?.kind === 'complete' ? commit.step : undefined;
      publisher?.publishes.push(r.message);
      const found = s.newWork(r);
      if (found) s.add((found.sendStep = { kind: 'send', time: r.time_ms, msg: r.message, sender: publisher?.instance, machine: r.by, queue: r.where, via: r.via }), found);
      return;
    }
    // A reply: it carries the id of the message it answers, and leaves with its handler's commit.
    const owner = s.byId.get(work.id);
    if (owner === undefined || owner.last?.kind !== 'complete' || owner.last.time !== r.time_ms) return;
    owner.last.replies.push({ msg: r.message, queue: r.where });
    owner.pending++;
    s.replies.set(r.message, owner);
    return;
  }
  f.where = r.where;
  f.sentAt = r.time_ms;
  f.sentFrom = r.by;
  const last = f.last;
  if (last?.kind === 'forward' && last.time === r.time_ms && last.queue === undefined) {
    last.queue = r.where;
  } else if (f.sendStep !== undefined && last === undefined) {
    // The send after its route record: time, machine and queue are the send's.
    Object.assign(f.sendStep, { time: r.time_ms, machine: r.by, queue: r.where, via: r.via });
    s.add(f.sendStep, f);
  } else {
    s.add({ kind: 'retry-send', time: r.time_ms, msg: r.message, machine: r.by, queue: r.where, via: r.via, delayed: f.delayed }, f);
    f.delayed = false;
  }
}

export function onEnqueue(s: StoryState, r: TraceRecord, f: Followed | undefined): void {
  if (workLabel(r.message) === undefined) return;
  const ahead = s.queues.store(r.message, r.where);
  if (f === undefined) return;
  f.enqueuedAt = r.time_ms;
  f.where = r.where;
  const last = f.last;
  // A distributor's forward to a worker on its own machine: stored at once, nothing more to tell.
  if (last?.kind === 'forward' && last.time === r.time_ms && last.queue === r.where) return;
  const merges =
    (last?.kind === 'arrive' && last.accepted && last.ahead === undefined && last.queue === r.where) ||
    ((last?.kind === 'send' || last?.kind === 'retry-send') && last.via === 'local' && last.time === r.time_ms);
  if (merges) last.ahead = ahead;
  else s.add({ kind: 'arrive', time: r.time_ms, msg: r.message, machine: r.by, queue: r.where, accepted: false, ahead }, f);
  f.stored = f.last?.kind === 'arrive' ? f.last : undefined;
  const busy = s.handling.busy(r.where);
  if (f.stored === undefined || busy === undefined) return;
  // Sender-side distribution: the other instances it could have gone to, idle while it waits.
  const others = f.sendStep?.chosen !== undefined ? [...(s.routeTargets.get(workLabel(r.message)?.type ?? '') ?? [])] : [];
  const idle = others.filter((i) => i !== busy.instance && !s.down.has(i) && s.sessions.has(i) && s.handling.idle(i));
  f.stored.busy = { ...busy, idle };
}

export function onReceive(s: StoryState, r: Extract<TraceRecord, { event: 'receive' }>, f: Followed | undefined): void {
  // A handler thread's receive is an attempt; a distributor's or a sender's is not.
  const byThread = r.attempt !== undefined;
  if (workLabel(r.message) !== undefined) s.queues.take(r.message);
  if (byThread) s.handling.start(r.by, r.where, r.message);
  if (f !== undefined) {
    const waitedMs = r.time_ms - f.enqueuedAt;
    if (waitedMs === 0 && f.stored !== undefined) f.stored.busy = undefined;
    const send = f.sendStep;
    if (send !== undefined && send.target === undefined) {
      const broker = send.via === 'broker';
      send.target = byThread && broker ? r.where : r.by;
      send.targetKind = byThread ? (broker ? 'queue' : 'instance') : 'distributor';
    }
    f.where = r.by;
    if (byThread) {
      f.attempt = String(r.attempt);
      s.add({ kind: 'take', time: r.time_ms, msg: r.message, instance: r.by, queue: r.where, attempt: f.attempt, waitedMs }, f);
    } else {
      s.add({ kind: 'dist-receive', time: r.time_ms, msg: r.message, distributor: r.by, queue: r.where, waitedMs, again: f.timedOut, noSlot: false }, f);
      f.timedOut = false;
    }
    return;
  }
  const owner = s.replies.get(r.message);
  if (owner === undefined) return onAckReceive(s, r);
  s.replies.delete(r.message);
  owner.pending--;
  if (owner.sendStep !== undefined && owner.sendStep.sender === undefined) owner.sendStep.sender = r.by;
  s.add({ kind: 'reply', time: r.time_ms, msg: r.message, sender: r.by, of: owner.label, roundTripMs: r.time_ms - owner.firstAt });
}

export function onRollback(s: StoryState, r: TraceRecord, f: Followed | undefined): void {
  s.handling.end(r.by, r.message);
  if (workLabel(r.message) !== undefined) s.queues.store(r.message, r.where);
  if (/^entry\(/.test(r.message)) s.storage.putBack(r.by, r.message.slice('entry('.length, -1));
  if (f === undefined) return;
  f.enqueuedAt = r.time_ms;
  f.where = r.where;
  const last = f.last;
  if (last?.kind === 'fail' && last.time === r.time_ms && last.rolledBackTo === undefined) last.rolledBackTo = r.where;
  else if (last?.kind === 'timeout' && last.time === r.time_ms && last.queue === undefined) last.queue = r.where;
  else s.add({ kind: 'rollback', time: r.time_ms, msg: r.message, by: r.by, queue: r.where }, f);
}

/** complete, delay or error: a handler's transaction committed. */
export function onCommit(s: StoryState, r: TraceRecord, f: Followed | undefined): void {
  s.handling.end(r.by, r.message);
  let step: CompleteStep | FailStep | undefined;
  if (f !== undefined && r.event === 'complete') {
    f.finished = true;
    // Forwarded on an entry of an earlier session of this worker (it restarted since): no ready message is due.
    const staleSlot = f.forwardSession !== undefined && f.forwardSession !== s.sessions.get(r.by);
    step = { kind: 'complete', time: r.time_ms, msg: r.message, instance: r.by, latencyMs: r.time_ms - f.firstAt, replies: [], acks: [], publishes: [], missed: [], ready: false, staleSlot };
    s.add(step, f);
  } else if (f?.last?.kind === 'fail') {
    step = f.last;
    if (r.event === 'delay') {
      step.delay = { dueMs: r.dueMs, queue: r.where };
      f.delayed = true;
    } else {
      if (r.event === 'error') step.error = r.attempts;
      f.finished = true;
    }
  }
  const commit: Commit = { time: r.time_ms, followed: f, step, readySent: false, ackSent: false };
  s.commits.set(r.by, commit);
  if (r.event === 'complete') s.machineCommits.set(r.where, commit);
}

export function onFail(s: StoryState, r: Extract<TraceRecord, { event: 'fail' }>, f: Followed | undefined): void {
  if (f) s.add({ kind: 'fail', time: r.time_ms, msg: r.message, instance: r.by, attempt: f.attempt, next: failWords(r), ready: false }, f);
}

export function onLost(s: StoryState, r: TraceRecord, f: Followed | undefined): void {
  if (workLabel(r.message) !== undefined) s.queues.take(r.message);
  const lost = f ?? s.newWork(r);
  if (lost !== undefined) {
    lost.finished = true;
    s.add({ kind: 'lost', time: r.time_ms, msg: r.message, machine: r.by, detail: traceDetail(r) }, lost);
    return;
  }
  const owner = s.replies.get(r.message);
  if (owner === undefined) return;
  s.replies.delete(r.message);
  owner.pending--;
  s.add({ kind: 'lost', time: r.time_ms, msg: r.message, machine: r.by, detail: traceDetail(r) });
}

/** A publisher stored a subscription: told when it happens in the window. */
export function onSubscribe(s: StoryState, r: Extract<TraceRecord, { event: 'subscribe' }>, inWindow: boolean): void {
  if (!inWindow) return;
  const subscriber = /^subscribe\((.*)\)$/.exec(r.message)?.[1] ?? r.message;
  const via = s.subscriptionForwards.get(`${r.message} ${r.by}`) ?? '';
  s.subscriptionForwards.delete(`${r.message} ${r.by}`);
  s.add({ kind: 'subscribe', time: r.time_ms, publisher: r.by, storage: r.where, subscriber, endpoint: r.endpoint, eventType: r.eventType, stored: r.stored, via });
}

/** A followed message's handler published and found no subscription of an endpoint: its completion says so. */
export function onMissed(s: StoryState, r: Extract<TraceRecord, { event: 'missed' }>): void {
  const publisher = r.by.endsWith('.publisher') ? s.commits.get(r.by.slice(0, -'.publisher'.length)) : undefined;
  if (publisher?.time === r.time_ms && publisher.step?.kind === 'complete') publisher.step.missed.push(r.endpoint);
}
