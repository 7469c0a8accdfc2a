// Builds the story of the first N work messages of a run (sent at or after `fromMs`) from its trace
// records, one record at a time, so a caller can stop collecting as soon as the story is complete.
//
// It reads every record: the messages it follows, the process starts, crashes, faults and mapping
// refreshes in the window, and the registrations their ready messages (or a start) caused. Other
// messages only move its counts (queue lengths, free slots, what each thread holds). Records of one
// event share its time, so the story is complete only when a record with a later time finds every
// followed message done: finished, its replies received, its ready messages registered.
import type { TraceRecord } from '../../model/kernel/trace.js';
import { mappingWords, traceDetail, workWords } from '../../model/trace-words.js';
import { onForward, onRegister, onTimeout, onWait } from './trace-story-distributor.js';
import { onCommit, onEnqueue, onFail, onLost, onMissed, onReceive, onRollback, onRoute, onSend, onSubscribe } from './trace-story-messages.js';
import { StoryState } from './trace-story-state.js';
import type { Step, WorkerStartStep } from './trace-steps.js';

export interface StoryOptions {
  /** How many work messages to follow (default 5). */
  messages?: number;
  /** Follow the first messages sent at or after this time (ms, default 0). */
  fromMs?: number;
}

export class TraceStory {
  /** True once every followed message is done: later records are ignored. */
  complete = false;
  private readonly s: StoryState;
  private lastTime = -Infinity;
  private finished = false;

  constructor(options: StoryOptions = {}) {
    this.s = new StoryState(options.messages ?? 5, options.fromMs ?? 0);
  }

  /** Messages found so far (at most the number asked for). */
  get found(): number {
    return this.s.found;
  }

  push(r: TraceRecord): void {
    if (this.complete) return;
    if (r.time_ms > this.lastTime) {
      if (this.allDone()) {
        this.complete = true;
        return;
      }
      this.lastTime = r.time_ms;
    }
    const s = this.s;
    const inWindow = r.time_ms >= s.fromMs;
    const f = s.followed.get(r.message);
    switch (r.event) {
      case 'start': return this.onStart(r, inWindow);
      case 'crash': return this.onCrash(r, inWindow);
      case 'fault':
        if (inWindow) s.add({ kind: 'fault', time: r.time_ms, name: r.by, where: r.where, change: r.change, detail: traceDetail(r) });
        return;
      case 'refresh':
        if (inWindow) s.add({ kind: 'refresh', time: r.time_ms, sender: r.by, mapping: mappingWords(r.mapping) });
        return;
      case 'route': return onRoute(s, r);
      case 'send': return onSend(s, r, f);
      case 'accept':
        if (f) s.add({ kind: 'arrive', time: r.time_ms, msg: r.message, machine: r.by, queue: r.where, accepted: true, outgoing: { machine: f.sentFrom, ms: r.time_ms - f.sentAt } }, f);
        return;
      case 'enqueue': return onEnqueue(s, r, f);
      case 'receive': return onReceive(s, r, f);
      case 'handle':
        if (f?.last?.kind === 'take') f.last.work = workWords(r.workMs, r.cpu);
        return;
      case 'fail': return onFail(s, r, f);
      case 'rollback': return onRollback(s, r, f);
      case 'complete':
      case 'delay':
      case 'error':
        return onCommit(s, r, f);
      case 'forward': return onForward(s, r, f);
      case 'register': return onRegister(s, r, inWindow);
      case 'drop':
        if (r.what === 'entry') s.storage.pop(r.by, r.worker, String(r.session));
        return;
      case 'registration':
        if (r.removed > 0) s.storage.removeAll(r.by, r.worker);
        return;
      case 'wait': return onWait(s, r, f);
      case 'timeout': return onTimeout(s, r, f);
      case 'stall':
        if (f) s.add({ kind: 'stall', time: r.time_ms, msg: r.message, machine: r.by, queue: r.where, detail: traceDetail(r) }, f);
        return;
      case 'lost': return onLost(s, r, f);
      case 'subscribe': return onSubscribe(s, r, inWindow);
      case 'missed': return onMissed(s, r);
      default:
        return;
    }
  }

  /** The steps, with one more for each followed message (or reply) the trace ended before. Ends the story. */
  finish(): Step[] {
    const s = this.s;
    if (this.finished) return s.steps;
    this.finished = this.complete = true;
    for (const f of s.followed.values()) {
      if (!f.finished) s.add({ kind: 'unfinished', time: this.lastTime, msg: f.label, where: f.where });
    }
    for (const [reply, f] of s.replies) s.add({ kind: 'unfinished', time: this.lastTime, msg: reply, where: f.where });
    s.replies.clear();
    return s.steps;
  }

  private allDone(): boolean {
    if (this.s.found < this.s.messages) return false;
    for (const f of this.s.followed.values()) if (!f.finished || f.pending > 0) return false;
    return true;
  }

  private onStart(r: Extract<TraceRecord, { event: 'start' }>, inWindow: boolean): void {
    const s = this.s;
    if (r.process !== 'worker') {
      if (inWindow) s.add({ kind: 'process', time: r.time_ms, event: 'start', process: r.by, machine: r.where, detail: traceDetail(r) });
      return;
    }
    const session = String(r.session);
    s.sessions.set(r.by, session);
    s.down.delete(r.by);
    if (!inWindow) return;
    const step: WorkerStartStep = { kind: 'worker-start', time: r.time_ms, instance: r.by, machine: r.where, session, capacity: String(r.capacity), announced: false };
    s.starts.push(step);
    s.add(step);
  }

  /** A worker's crash goes before the rollbacks it caused (the model records those first). */
  private onCrash(r: Extract<TraceRecord, { event: 'crash' }>, inWindow: boolean): void {
    const s = this.s;
    s.handling.clear(r.by);
    if (s.sessions.has(r.by)) s.down.add(r.by);
    if (!inWindow) return;
    if (!s.sessions.has(r.by)) {
      s.add({ kind: 'process', time: r.time_ms, event: 'crash', process: r.by, machine: r.where, detail: traceDetail(r) });
      return;
    }
    let at = s.steps.length;
    while (at > 0) {
      const before = s.steps[at - 1];
      if (before.time !== r.time_ms || before.kind !== 'rollback' || before.by !== r.by) break;
      at--;
    }
    s.steps.splice(at, 0, { kind: 'crash', time: r.time_ms, instance: r.by, machine: r.where, detail: traceDetail(r) });
  }
}
