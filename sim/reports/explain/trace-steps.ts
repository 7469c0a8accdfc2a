// The story of a few messages, as steps: what the narrated trace says in sentences and the sequence
// diagram draws as arrows and notes. TraceStory (trace-story.ts) builds them from TraceRecords; every
// field comes from a record (or from counting records, like the messages waiting ahead in a queue).
// Message labels are the model's: PlaceOrder#3, OrderPlaced#3.

interface At {
  time: number;
}

/** A worker process starts (record `start`); `announced` once it has sent its capacity to a distributor. */
import type { RouteHow } from '../../model/kernel/trace.js';

/** How a send leaves its machine: stored locally, to the broker, through the outgoing queue ('' = not sent yet). */
export type Via = 'local' | 'broker' | 'outgoing' | '';

export interface WorkerStartStep extends At {
  kind: 'worker-start';
  instance: string;
  machine: string;
  session: string;
  capacity: string;
  announced: boolean;
}

/** A distributor process starts or crashes. */
export interface ProcessStep extends At {
  kind: 'process';
  event: 'start' | 'crash';
  process: string;
  machine: string;
  detail: string;
}

export interface WorkerCrashStep extends At {
  kind: 'crash';
  instance: string;
  machine: string;
  detail: string;
}

export interface FaultStep extends At {
  kind: 'fault';
  name: string;
  where: string;
  change: 'starts' | 'ends' | 'owner' | 'new-owner';
  detail: string;
}

export interface RefreshStep extends At {
  kind: 'refresh';
  sender: string;
  mapping: string;
}

/** A work message leaves its sender (`send`, with the `route` choice before it when there is one). */
export interface SendStep extends At {
  kind: 'send';
  msg: string;
  /** The sending process, once known (route record, or the process that receives its reply). */
  sender?: string;
  machine: string;
  queue: string;
  /** How it leaves its machine ('' until its send record is seen). */
  via: Via;
  /** Sender-side distribution: the instance chosen and how. */
  chosen?: string;
  how?: RouteHow;
  /** Who takes it from `queue`: the chosen instance, the distributor, or the queue itself (shared). */
  target?: string;
  targetKind?: 'instance' | 'distributor' | 'queue';
  /** Local sends: messages already waiting in the queue when it was stored. */
  ahead?: number;
}

/** The message is sent again: its delayed retry is due (`delayed`), or a resend. */
export interface RetrySendStep extends At {
  kind: 'retry-send';
  msg: string;
  machine: string;
  queue: string;
  via: Via;
  delayed: boolean;
  ahead?: number;
}

/** Stored in a queue: after an accept (`accepted`), or by the broker. */
export interface ArriveStep extends At {
  kind: 'arrive';
  msg: string;
  machine: string;
  queue: string;
  accepted: boolean;
  /** Accepted: since it was sent, in the sending machine's outgoing queue (and on the network). */
  outgoing?: { machine: string; ms: number };
  ahead?: number;
  /**
   * The instance that takes from this queue, when all its threads are busy: with which messages, and
   * which other instances its sender has sent such messages to are idle meanwhile.
   */
  busy?: { instance: string; with: string[]; idle: string[] };
}

export interface StallStep extends At {
  kind: 'stall';
  msg: string;
  machine: string;
  queue: string;
  detail: string;
}

export interface LostStep extends At {
  kind: 'lost';
  msg: string;
  machine: string;
  detail: string;
}

/** A distributor forwarder receives a data message (and, if `noSlot`, waits for a free slot). */
export interface DistributorReceiveStep extends At {
  kind: 'dist-receive';
  msg: string;
  distributor: string;
  queue: string;
  waitedMs: number;
  again: boolean;
  noSlot: boolean;
}

export interface TimeoutStep extends At {
  kind: 'timeout';
  msg: string;
  distributor: string;
  detail: string;
  /** The queue it went back to (the rollback record after the timeout). */
  queue?: string;
}

export interface ForwardStep extends At {
  kind: 'forward';
  msg: string;
  distributor: string;
  worker: string;
  /** The session of the entry used ('' for workers without session ids), and the worker's session at that moment. */
  session: string;
  current?: string;
  /** The worker's input queue (the send record after the forward). */
  queue?: string;
  /** Free-slot entries left in storage, oldest first (worker names). */
  free: string[];
}

/** A handler thread receives the message (and runs the handler: `work`). */
export interface TakeStep extends At {
  kind: 'take';
  msg: string;
  instance: string;
  queue: string;
  attempt: string;
  waitedMs: number;
  work?: string;
}

export interface FailStep extends At {
  kind: 'fail';
  msg: string;
  instance: string;
  attempt: string;
  /** What happens next, in words: immediate retry, delayed retry round N, to the error queue. */
  next: string;
  rolledBackTo?: string;
  /** Delayed retry: when it is due (ms from now), and the queue it comes back to. */
  delay?: { dueMs: number; queue: string };
  /** Moved to the error queue after this many attempts. */
  error?: number;
  ready: boolean;
}

export interface CompleteStep extends At {
  kind: 'complete';
  msg: string;
  instance: string;
  latencyMs: number;
  replies: { msg: string; queue: string }[];
  acks: string[];
  publishes: string[];
  /** Subscribing endpoints its publish found no subscription of: no copy was sent to them. */
  missed: string[];
  ready: boolean;
  /** Forwarded on an entry of an earlier session: no ready message is due. */
  staleSlot: boolean;
}

export interface ReplyStep extends At {
  kind: 'reply';
  msg: string;
  sender: string;
  of: string;
  roundTripMs: number;
}

export interface AckStep extends At {
  kind: 'ack';
  sender: string;
  instance: string;
  of: string;
}

/** A distributor stores free-slot entries for a worker; `origin` is the start or message that sent the ready message. */
export interface RegisterStep extends At {
  kind: 'register';
  distributor: string;
  worker: string;
  slots: number;
  session: string;
  /** In words: "1 free slot for worker1, session 1". */
  detail: string;
  free: string[];
  origin: string;
}

/** A publisher stored a subscription message in its subscription storage. */
export interface SubscribeStep extends At {
  kind: 'subscribe';
  publisher: string;
  /** Its storage's name: the publisher's own, or "Endpoint (shared)". */
  storage: string;
  /** The subscriber instance, as Endpoint/instance. */
  subscriber: string;
  endpoint: string;
  eventType: string;
  /** False when it was stored already. */
  stored: boolean;
  /** The distributor that forwarded it to the publisher, on one of its free slots ('' when sent to it directly). */
  via: string;
}

/** A transaction rolled back for another reason than a failure or a timeout (a crash). */
export interface RollbackStep extends At {
  kind: 'rollback';
  msg: string;
  by: string;
  queue: string;
}

/** The run ended (or the trace stopped) before the message finished. */
export interface UnfinishedStep extends At {
  kind: 'unfinished';
  msg: string;
  where: string;
}

export type Step =
  | WorkerStartStep
  | ProcessStep
  | WorkerCrashStep
  | FaultStep
  | RefreshStep
  | SendStep
  | RetrySendStep
  | ArriveStep
  | StallStep
  | LostStep
  | DistributorReceiveStep
  | TimeoutStep
  | ForwardStep
  | TakeStep
  | FailStep
  | CompleteStep
  | ReplyStep
  | AckStep
  | RegisterStep
  | SubscribeStep
  | RollbackStep
  | UnfinishedStep;

export type StepKind = Step['kind'];
