// The kinds of event the world schedules. An event is (time, kind, a, b); the comment on each kind
// says what `a` and `b` hold.
export const Ev = {
  /** A sender's arrival process fires: a = send stream. */
  Arrival: 0,
  /** A send operation completed and the transaction committed: a = message, b = destination queue. */
  SendDone: 1,
  /** A message reached the destination machine over the network: a = message, b = queue. */
  Deliver: 2,
  /** The destination queue manager stored it (accept done): a = message, b = queue. */
  Enqueue: 3,
  /** A consumer's receive operation completed: a = consumer, b = message. */
  Received: 4,
  /** A handler finished processing: a = thread consumer, b = message. */
  HandlerDone: 5,
  /** A consumer's transaction committed: a = consumer, b = message. */
  Commit: 6,
  /** Take a time-series sample. */
  Sample: 7,
  /** Senders stop sending (stop: duration). */
  StopSending: 8,
  /** The warm-up ends (warmup: duration). */
  WarmupEnd: 9,
  /** Draining took too long: end the run with what is left. */
  DrainDeadline: 10,
  /** A queue manager may be idle: accept a waiting delivery. a = machine. */
  QueueManagerIdle: 11,
  /** CPU-bound work may have finished on a machine: a = machine, b = its CPU token. */
  CpuDone: 12,
  /** A distributor forwarder's no-worker timer: a = forwarder consumer. */
  NoWorkerTimeout: 13,
  /** A delayed retry is due: a = message, b = destination queue. */
  RetryDue: 14,
  /** A worker process starts: a = instance. */
  InstanceStart: 15,
  /** A sender re-reads the instance mapping: a = sender. */
  Refresh: 16,
  /** A worker process crashes: a = instance. */
  InstanceCrash: 17,
  /** A fault starts, or ends: a = fault index. */
  FaultStart: 18,
  FaultEnd: 19,
  /** A careful decommission checks whether the instance has drained: a = instance. */
  DecommissionCheck: 20,
  /** An unacknowledged message's resend timer (duplicate QMId): a = message, b = queue. */
  Resend: 21,
  /** The working machine of a duplicate QMId group changes: a = fault index. */
  QmidSwitch: 22,
  /** A step of a strategy kind's own process (world.process): a, b are that kind's. */
  StrategyStep: 23,
  /** A clustered distributor's failover is due: a = distributor. */
  Failover: 24,
  /** Decommission step 6, moving the leftovers: a = instance; b = -1 to start, -2 to resume after a crash, else the message whose move committed. */
  MoveLeftovers: 25,
  /** A session's accept at the destination queue manager completed: a = message, b = queue. */
  Accepted: 26,
} as const;
