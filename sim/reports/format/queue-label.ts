// How a report names a queue. The metrics name queues the MSMQ way ("Sales@worker1"), but a few have
// names without their machine ("Sales (shared)"), and QueueLengthRow/LeftoverRow carry the machine
// separately; appending it blindly gave "Sales@worker1@worker1".

/** The queue's name, plus "on <machine>" unless the name already says which machine it is on. */
export function queueLabel(queue: string, machine: string): string {
  return machine === '' || queue.includes(machine) ? queue : `${queue} on ${machine}`;
}
