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
 * The kind of a queue from its name and machine: outgoing queues, the distributor's control and
 * storage queues by their names, its data queue as an endpoint's queue on a distributor's machine
 * (`distributorMachines`), and every other queue an endpoint's input queue (the shared queue too).
 */
export function queueKind(queue: string, machine: string, distributorMachines: ReadonlySet<string>): QueueKind {
  if (queue.startsWith('outgoing ')) return 'outgoing';
  if (queue.includes('.distributor.control@')) return 'distributor control';
  if (queue.includes('.distributor.storage@')) return 'distributor storage';
  if (distributorMachines.has(machine) && queue.endsWith(`@${machine}`)) return 'distributor data';
  return 'input';
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
