// The kinds of event the world schedules. An event is (time, kind, a, b); the comment on each kind
// says what `a` and `b` hold.
export const Ev = {
  /** A sender's arrival process fires: a = send stream. */
  Arrival: 0,
  /** A sender's send operation completed: a = message, b = destination queue. */
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
} as const;
