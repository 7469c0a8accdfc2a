// TraceStory's handlers for the distributor's side of the story: ready messages (and fair
// acknowledgements) paired with what sent them, forwards on free slots, and registrations.
import type { TraceRecord } from '../../model/kernel/trace.js';
import { traceDetail } from '../../model/trace-words.js';
import { controlLabel, queueOwner } from './trace-labels.js';
import type { Followed, Origin, StoryState } from './trace-story-state.js';

/** A ready message or acknowledgement: sent by the commit just recorded on its instance, or by a start. */
export function onControlSend(s: StoryState, r: TraceRecord): void {
  const control = controlLabel(r.message);
  if (control === undefined || control.kind === 'entry') return;
  const commit = s.commits.get(control.instance);
  const fresh = commit !== undefined && commit.time === r.time_ms;
  let origin: Origin;
  if (control.kind === 'ready' && fresh && !commit.readySent) {
    commit.readySent = true;
    origin = commit.followed;
    if (commit.step) commit.step.ready = true;
  } else if (control.kind === 'ack' && fresh && !commit.ackSent) {
    commit.ackSent = true;
    origin = commit.followed;
    if (commit.step?.kind === 'complete') commit.step.acks.push(queueOwner(r.where));
  } else if (control.kind === 'ready') {
    const k = s.starts.findIndex((start) => start.instance === control.instance);
    if (k >= 0) {
      s.starts[k].announced = true;
      s.starts.splice(k, 1);
      origin = 'start';
    }
  }
  if (typeof origin === 'object') origin.pending++;
  const key = controlKey(r.message, r.where);
  const list = s.controls.get(key);
  if (list === undefined) s.controls.set(key, [origin]);
  else list.push(origin);
}

/**
 * Ready messages and acks of one label travel in order to one destination, so they are paired with
 * their origins first in, first out per label and destination: a ready message's control queue
 * "Sales.distributor.control@server" stands for its distributor "distributor Sales@server".
 */
function controlKey(label: string, destination: string): string {
  return `${label} ${destination.replace('.distributor.control@', '@').replace(/^distributor /, '')}`;
}

/** The origin of the oldest ready message or ack of `label` on its way to `destination`. */
function arrived(s: StoryState, label: string, destination: string): Origin {
  const list = s.controls.get(controlKey(label, destination));
  if (list !== undefined) return list.shift();
  // Names not as expected: any destination will do.
  for (const [key, origins] of s.controls) if (key.startsWith(`${label} `) && origins.length > 0) return origins.shift();
  return undefined;
}

/** A fair acknowledgement reached its sender. */
export function onAckReceive(s: StoryState, r: TraceRecord): void {
  const control = controlLabel(r.message);
  if (control?.kind !== 'ack') return;
  const origin = arrived(s, r.message, r.where);
  if (typeof origin !== 'object') return;
  origin.pending--;
  s.add({ kind: 'ack', time: r.time_ms, sender: r.by, instance: control.instance, of: origin.label });
}

export function onForward(s: StoryState, r: Extract<TraceRecord, { event: 'forward' }>, f: Followed | undefined): void {
  const session = String(r.session);
  s.storage.pop(r.by, r.where, session);
  if (r.message.startsWith('subscribe(')) s.subscriptionForwards.set(`${r.message} ${r.where}`, r.by);
  if (f === undefined) return;
  s.waitingAt(r.by).delete(f);
  // Only entries labelled with a session can be stale: an old-style worker sends a ready message for every message.
  const current = r.labelled ? s.sessions.get(r.where) : undefined;
  if (r.labelled) f.forwardSession = session;
  s.add({ kind: 'forward', time: r.time_ms, msg: r.message, distributor: r.by, worker: r.where, session: r.labelled ? session : '', current, free: s.storage.free(r.by) }, f);
}

/** Told when it explains the story: a followed message's or a start's ready message, or a followed message waits for it. */
export function onRegister(s: StoryState, r: Extract<TraceRecord, { event: 'register' }>, inWindow: boolean): void {
  const worker = r.worker;
  const session = String(r.session);
  s.storage.register(r.by, worker, session, r.slots);
  const origin = arrived(s, `ready(${worker})`, r.by);
  if (typeof origin === 'object') origin.pending--;
  const explains = typeof origin === 'object' || origin === 'start' || s.waitingAt(r.by).size > 0;
  if (!inWindow || !explains) return;
  const from = typeof origin === 'object' ? origin.label : (origin ?? '');
  s.add({ kind: 'register', time: r.time_ms, distributor: r.by, worker, slots: r.slots, session, detail: traceDetail(r), free: s.storage.free(r.by), origin: from });
}

export function onWait(s: StoryState, r: TraceRecord, f: Followed | undefined): void {
  if (f === undefined) return;
  if (f.last?.kind === 'dist-receive') f.last.noSlot = true;
  s.waitingAt(r.by).add(f);
}

export function onTimeout(s: StoryState, r: Extract<TraceRecord, { event: 'timeout' }>, f: Followed | undefined): void {
  if (f === undefined) return;
  f.timedOut = true;
  s.waitingAt(r.by).delete(f);
  s.add({ kind: 'timeout', time: r.time_ms, msg: r.message, distributor: r.by, detail: traceDetail(r) }, f);
}
