// The state of one distributor process (what ../processes/distributor.ts works on): its queues, and per
// forwarder and control processor what it holds in its open transaction.
import type { Machine } from './machine.js';
import type { MessageQueue } from './queue.js';

/** What a control message (kind READY in the pool, its `round` field) says: see ../processes/worker-registry.ts. */
export const ControlKind = {
  /** A worker is ready for `id` more messages (sent inside a handler's transaction). */
  Ready: 0,
  /** "Worker starting": a new session announcing its capacity (`id`). */
  Starting: 1,
  /** The worker stops cleanly: unregister it. */
  Disconnect: 2,
} as const;

/** A worker's registration after it disconnected (a worker never registered has none). */
export const DISCONNECTED = -1;

export class Distributor {
  /** Per forwarder: the data message it holds, or -1. */
  readonly holding: Int32Array;
  /** Per forwarder: its consumer number on the data queue and on the storage queue. */
  readonly dataConsumer: Int32Array;
  readonly slotConsumer: Int32Array;
  /**
   * Per forwarder: when its current wait for a free slot began (NaN = not waiting), and whether its
   * timer event is pending. One lazy timer per forwarder: when it fires early (an entry came and a
   * later wait began), it re-arms for that wait, so waits that end in time leave no stale events.
   */
  readonly waitingSince: Float64Array;
  readonly timerPending: Uint8Array;
  /** Per forwarder: the free-slot entry popped in its open transaction, or -1. */
  readonly slotHolding: Int32Array;
  /** Per control processor: its consumer number, and the ready message in its open transaction (-1). */
  readonly controlConsumer: Int32Array;
  readonly controlHolding: Int32Array;
  /**
   * The registrations it holds in memory: per worker instance, its current session, or DISCONNECTED.
   * A worker with none is unknown (it never sent "starting", or the distributor restarted since).
   */
  readonly registered = new Map<number, number>();
  /** Free-slot entries and ready messages dropped, and entries removed at a "worker starting". */
  droppedEntries = 0;
  droppedReady = 0;
  /** False while the distributor process is crashed. */
  running = true;
  /**
   * High availability: the cluster's two nodes (the first is where it starts), or empty on a single
   * machine; how long a failover takes; and whether it waits, offline, for a node of its cluster to
   * come back (both were down when its failover was due).
   */
  nodes: readonly Machine[] = [];
  failoverMs = 0;
  awaitingNode = false;
  /** Failovers started: the token of the one due (an older failover event is ignored). */
  failovers = 0;
  /** Messages forwarded, and forwards aborted for want of a free slot. */
  forwarded = 0;
  timeouts = 0;

  constructor(
    readonly index: number,
    /** What it distributes, for names: the endpoint, or "Type.Endpoint" per message type. */
    readonly label: string,
    /** The machine it runs on now (on a cluster, the node that holds its queues). */
    public machine: Machine,
    readonly concurrency: number,
    readonly cpuMs: number,
    readonly noWorkerTimeoutMs: number,
    readonly data: MessageQueue,
    readonly control: MessageQueue,
    readonly storage: MessageQueue,
  ) {
    this.holding = new Int32Array(concurrency).fill(-1);
    this.dataConsumer = new Int32Array(concurrency);
    this.slotConsumer = new Int32Array(concurrency);
    this.waitingSince = new Float64Array(concurrency).fill(NaN);
    this.timerPending = new Uint8Array(concurrency);
    this.slotHolding = new Int32Array(concurrency).fill(-1);
    this.controlConsumer = new Int32Array(concurrency);
    this.controlHolding = new Int32Array(concurrency).fill(-1);
  }

  get name(): string {
    return `distributor ${this.label}@${this.machine.name}`;
  }
}

/** A forwarder takes the oldest data message: receive it (1 operation). */
