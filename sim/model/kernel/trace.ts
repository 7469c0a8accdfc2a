// A step-by-step record of what happens in a run, for trace-level tests and the narrated trace.
// The world emits records only when a sink is attached: one null check per step otherwise.

export type TraceEvent =
  | 'start' // a worker process starts (detail: its session and capacity)
  | 'crash' // a worker process crashed (detail: work lost)
  | 'route' // a sender chose an instance (detail: how)
  | 'send' // a process sent a message (committed), to a queue
  | 'accept' // a queue manager stored a message arriving over the network
  | 'enqueue' // a message is stored in a queue
  | 'receive' // a process received a message from a queue
  | 'handle' // a handler started processing (detail: its duration)
  | 'fail' // a handler attempt failed (detail: what happens next)
  | 'rollback' // a transaction aborted; its message went back to the head of its queue
  | 'complete' // a handler's transaction committed
  | 'forward' // a distributor forwarded a data message on a free-slot entry
  | 'register' // a distributor stored free-slot entries for a worker
  | 'wait' // a distributor forwarder waits for a free slot
  | 'timeout' // no free slot came in time
  | 'refresh' // a sender re-read the instance mapping
  | 'delay' // a message was sent to delayed retry
  | 'error' // a message was moved to the error queue
  | 'fault' // a fault starts or ends (by: the fault's name)
  | 'stall' // a message waits in an outgoing queue for an acknowledgement that went astray
  | 'lost'; // a message is gone (express messages in a crash, a vanished resend, no instance to route to)

export interface TraceRecord {
  time_ms: number;
  event: TraceEvent;
  /** e.g. PlaceOrder#3, ready(worker1), entry(worker1) */
  message: string;
  /** The process or queue manager acting, e.g. Sender, worker1, distributor, server */
  by: string;
  /** The queue or instance concerned, when there is one */
  where: string;
  detail: string;
}

export type TraceSink = (record: TraceRecord) => void;
