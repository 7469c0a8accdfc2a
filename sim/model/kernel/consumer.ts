// The consumer table's kinds: what a consumer (a process receiving from a queue) is.
export const Consumer = {
  /** A handler thread of an endpoint instance. ref = thread number. */
  Thread: 0,
  /** A distributor forwarder taking data messages. ref = distributor, sub = forwarder. */
  Forwarder: 1,
  /** The same forwarder popping a free-slot entry from storage. */
  Slot: 2,
  /** A distributor control processor taking ready messages. ref = distributor. */
  Control: 3,
  /** A sender taking replies and acknowledgements from its input queue. ref = sender. */
  Replies: 4,
  /** A consumer of a process that crashed: events still addressed to it are ignored. */
  Dead: 5,
  /** A process of a strategy kind's own (world.process: the broker's). ref, sub: that kind's. */
  Strategy: 6,
} as const;
