// What TraceStory remembers while it reads a run's records: the messages it follows, and the counts
// it keeps for every message (see trace-state.ts). Shared by its record handlers.
import type { TraceRecord } from '../../model/kernel/trace.js';
import { workLabel } from './trace-labels.js';
import { Handling, IdSet, QueueCounts, SlotStorage } from './trace-state.js';
import type { ArriveStep, CompleteStep, FailStep, SendStep, Step, WorkerStartStep } from './trace-steps.js';

/** A work message the story follows. */
export interface Followed {
  label: string;
  firstAt: number;
  sendStep?: SendStep;
  last?: Step;
  /** Where it was last stored, to drop the "busy" note if a thread took it at once after all. */
  stored?: ArriveStep;
  enqueuedAt: number;
  /** Its last send: when, and from which machine. */
  sentAt: number;
  sentFrom: string;
  /** Last known place: a queue or a process. */
  where: string;
  attempt: string;
  finished: boolean;
  /** Replies and control messages sent for it that have not arrived yet. */
  pending: number;
  delayed: boolean;
  timedOut: boolean;
  /** The session of the free-slot entry it was forwarded on, if any. */
  forwardSession?: string;
}

/** Who sent a ready message or an acknowledgement: a followed message, a start, or something else. */
export type Origin = Followed | 'start' | undefined;

/** The last handler commit of an instance, to attach the replies, ready message and acks it sends. */
export interface Commit {
  time: number;
  followed?: Followed;
  step?: CompleteStep | FailStep;
  readySent: boolean;
  ackSent: boolean;
}

export class StoryState {
  readonly steps: Step[] = [];
  /** Messages found so far (at most `messages`). */
  found = 0;
  readonly followed = new Map<string, Followed>();
  readonly byId = new Map<number, Followed>();
  /** Replies sent for followed messages and not received yet, by label. */
  readonly replies = new Map<string, Followed>();
  readonly seen = new IdSet();
  readonly queues = new QueueCounts();
  readonly storage = new SlotStorage();
  readonly handling = new Handling();
  /** Each worker's current session. */
  readonly sessions = new Map<string, string>();
  /** Per subscription message and worker ("subscribe(Billing/b1) w1"): the distributor that forwarded it there. */
  readonly subscriptionForwards = new Map<string, string>();
  /** Start steps in the window that have not announced their capacity yet (two processes may share a name). */
  readonly starts: WorkerStartStep[] = [];
  /** Per ready(...) or ack(...) label and destination: who sent those still on their way, oldest first. */
  readonly controls = new Map<string, Origin[]>();
  /** Worker processes crashed and not started again. */
  readonly down = new Set<string>();
  /** Per message type: the instances senders have chosen for it (sender-side distribution). */
  readonly routeTargets = new Map<string, Set<string>>();
  readonly commits = new Map<string, Commit>();
  readonly machineCommits = new Map<string, Commit>();
  private readonly waiting = new Map<string, Set<Followed>>();

  constructor(
    readonly messages: number,
    readonly fromMs: number,
  ) {}

  add(step: Step, f?: Followed): void {
    this.steps.push(step);
    if (f) f.last = step;
  }

  /** The first record of a work message: follow it if it is one of the first N in the window. */
  newWork(r: TraceRecord): Followed | undefined {
    const work = workLabel(r.message);
    if (work === undefined || !this.seen.add(work.id)) return undefined;
    if (r.time_ms < this.fromMs || this.found >= this.messages) return undefined;
    const f: Followed = {
      label: r.message,
      firstAt: r.time_ms,
      enqueuedAt: r.time_ms,
      sentAt: r.time_ms,
      sentFrom: r.by,
      where: r.by,
      attempt: '1',
      finished: false,
      pending: 0,
      delayed: false,
      timedOut: false,
    };
    this.found++;
    this.followed.set(r.message, f);
    this.byId.set(work.id, f);
    return f;
  }

  /** Followed messages a distributor holds while it waits for a free slot. */
  waitingAt(distributor: string): Set<Followed> {
    let set = this.waiting.get(distributor);
    if (set === undefined) {
      set = new Set();
      this.waiting.set(distributor, set);
    }
    return set;
  }
}
