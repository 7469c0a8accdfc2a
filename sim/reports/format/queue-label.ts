// How a report names a queue. The metrics name queues the MSMQ way ("Sales@worker1"), but a few have
// names without their machine ("Sales (shared)"), and QueueLengthRow/LeftoverRow carry the machine
// separately; appending it blindly gave "Sales@worker1@worker1".

/** The queue's name, plus "on <machine>" unless the name already says which machine it is on. */
export function queueLabel(queue: string, machine: string): string {
  return machine === '' || queue.includes(machine) ? queue : `${queue} on ${machine}`;
}

/** What a queue is for, as the queue-lengths chart groups them. */
export type QueueKind = 'input' | 'distributor data' | 'distributor control' | 'distributor storage' | 'outgoing';

export const QUEUE_KINDS: readonly QueueKind[] = ['input', 'distributor data', 'distributor control', 'distributor storage', 'outgoing'];

/**
 * The kind of a queue from its name: outgoing queues, the distributor's control and storage queues
 * by their names, its data queues by name (`dataQueues`, see distributorDataQueues), and every other
 * queue an endpoint's input queue (the shared queue and a worker on the distributor's machine too).
 */
export function queueKind(queue: string, dataQueues: ReadonlySet<string>): QueueKind {
  if (queue.startsWith('outgoing ')) return 'outgoing';
  if (queue.includes('.distributor.control@')) return 'distributor control';
  if (queue.includes('.distributor.storage@')) return 'distributor storage';
  if (dataQueues.has(queue)) return 'distributor data';
  return 'input';
}

/**
 * The names a distributor on `machine` gives its data queues: `<endpoint>@<machine>`, and with one
 * distributor per message type `<message>.<endpoint>@<machine>`.
 */
export function distributorDataQueues(machine: string, endpoints: readonly { name: string; handlers: readonly { message: string }[] }[]): Set<string> {
  const names = new Set<string>();
  for (const e of endpoints) {
    names.add(`${e.name}@${machine}`);
    for (const h of e.handlers) names.add(`${h.message}.${e.name}@${machine}`);
  }
  return names;
}

/** A queue's name in the queue-lengths legend: its kind first, then what tells it apart. */
export function kindLabel(kind: QueueKind, queue: string, machine: string): string {
  switch (kind) {
    case 'outgoing':
      return queue.replace(/^outgoing /, 'outgoing: ');
    case 'distributor control':
    case 'distributor storage':
      return `${kind}: ${queue.split('.distributor.')[0]} on ${machine}`;
    default:
      return `${kind}: ${queueLabel(queue, machine)}`;
  }
}
