// A step-by-step record of what happens in a run, for trace-level tests and the narrated trace.
// The world emits records only when a sink is attached: one null check per step otherwise. Each
// record carries typed fields for its kind of step; the words for them are rendered in one place
// (../trace-words.ts), so nothing downstream reads prose.

/** How a sender-side strategy chose (its words are its definition's: ../strategies/). */
export interface RouteHow {
  /** The strategy kind that chose. */
  readonly strategy: string;
  /** The number it chose by (a round-robin counter, unacknowledged messages), or NaN. */
  readonly count: number;
}

/** Why a message is gone. */
export type LossCause =
  | { readonly cause: 'unroutable'; readonly sender: string; readonly endpoint: string }
  | { readonly cause: 'express-crash' }
  | { readonly cause: 'vanished' };

/** Why a distributor dropped an entry or a ready message: its session is not the worker's current one, the worker is unknown to it, or it disconnected. */
export type DropCause = 'old-session' | 'unknown-worker' | 'disconnected';

/** The fields of each kind of step. */
export interface TraceFields {
  /** A worker process starts (a new session), or a distributor process starts again (after a failover, on the other node of its cluster). */
  start:
    | { readonly process: 'worker'; readonly session: number; readonly capacity: number }
    | { readonly process: 'distributor'; readonly concurrency: number; readonly takenOverFrom?: string };
  /** A worker process crashed (the work it lost), or a distributor process did (its queues stay). */
  crash: { readonly process: 'worker'; readonly lostMs: number } | { readonly process: 'distributor' };
  /** A sender chose an instance. */
  route: { readonly how: RouteHow };
  /** A process sent a message (committed), to a queue: on its machine, to the broker, or through its outgoing queue. */
  send: { readonly via: 'local' | 'broker' | 'outgoing' };
  /** A queue manager takes in a message arriving over the network: its accept starts (local-first) or is handed to it (session); `enqueue` follows when it is stored. */
  accept: Record<never, never>;
  /** A message is stored in a queue. */
  enqueue: Record<never, never>;
  /** A process received a message from a queue; a handler thread's receive is its attempt number. */
  receive: { readonly attempt?: number };
  /** A handler started processing, for `workMs` (CPU time when `cpu`). */
  handle: { readonly workMs: number; readonly cpu: boolean };
  /** A handler attempt failed, and what happens next. */
  fail: { readonly next: 'immediate' } | { readonly next: 'delayed'; readonly round: number } | { readonly next: 'error' };
  /** A transaction aborted; its message went back to the head of its queue. */
  rollback: Record<never, never>;
  /** A handler's transaction committed. */
  complete: Record<never, never>;
  /** A distributor forwarded a data message on a free-slot entry of this session (labelled: entries carry session ids). */
  forward: { readonly session: number; readonly labelled: boolean };
  /** A distributor stored free-slot entries for a worker. */
  register: { readonly slots: number; readonly worker: string; readonly session: number };
  /** A distributor dropped a free-slot entry it popped, or a ready message, for this worker and session: why. */
  drop: { readonly what: 'entry' | 'ready'; readonly worker: string; readonly session: number; readonly why: DropCause };
  /**
   * What a distributor knows of a worker changed: a "worker starting" (new session; `removed` old entries
   * taken out of storage for workers without session ids), a re-registration from a popped entry after
   * the distributor's own restart, or a clean stop (disconnected).
   */
  registration: { readonly worker: string; readonly session: number; readonly change: 'starting' | 'from-entry' | 'disconnected'; readonly removed: number };
  /** A distributor forwarder waits for a free slot. */
  wait: Record<never, never>;
  /** No free slot came in time. */
  timeout: { readonly afterMs: number };
  /** A sender re-read the instance mapping. */
  refresh: { readonly mapping: readonly { readonly endpoint: string; readonly instances: readonly string[] }[] };
  /** A message was sent to delayed retry, due in `dueMs`. */
  delay: { readonly dueMs: number };
  /** A message was moved to the error queue. */
  error: { readonly attempts: number };
  /** A fault starts or ends (by: the fault's name), or a duplicate QMId's owner is chosen or changes (where: it). */
  fault: { readonly change: 'starts' | 'ends' | 'owner' | 'new-owner' };
  /** A message waits in an outgoing queue for an acknowledgement that went astray. */
  stall: { readonly resend: number; readonly resendInMs: number };
  /** A message is gone. */
  lost: { readonly loss: LossCause };
  /** A publisher stored a subscription (by: the publisher, where: its storage); `stored` false when it was stored already. */
  subscribe: { readonly eventType: string; readonly endpoint: string; readonly stored: boolean };
  /** A publisher knew no subscriber of `endpoint` when it published `eventType`: no copy is sent (counted in events_missed). */
  missed: { readonly eventType: string; readonly endpoint: string };
}

export type TraceEvent = keyof TraceFields;

interface TraceBase {
  readonly time_ms: number;
  /** e.g. PlaceOrder#3, ready(worker1), entry(worker1) */
  readonly message: string;
  /** The process or queue manager acting, e.g. Sender, worker1, distributor, server */
  readonly by: string;
  /** The queue or instance concerned, when there is one */
  readonly where: string;
}

export type TraceRecord = { [E in TraceEvent]: TraceBase & { readonly event: E } & TraceFields[E] }[TraceEvent];

export type TraceSink = (record: TraceRecord) => void;
