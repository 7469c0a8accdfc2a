// A crash: a machine (every process on it), one worker process (`instance`) or the distributor
// process (`process: distributor`) stops, and starts again when the fault ends.
import type { Machine } from '../kernel/machine.js';
import type { World } from '../kernel/world.js';
import { crashDistributor, restartDistributor } from '../processes/distributor-lifecycle.js';
import { clusterNodeUp, startFailover } from '../processes/distributor-failover.js';
import { crashInstance, startInstance } from '../processes/lifecycle.js';
import { lose } from '../processes/lose.js';
import { resumeAccepts } from '../processes/transport.js';
import type { FaultDefinition } from './definition.js';
import { instancesOf, machineNamed } from './targets.js';

declare module '../scenario-types.js' {
  interface FaultKinds {
    'crash': true;
  }
}

export const crash: FaultDefinition = {
  summary:
    'crash: a machine (every process on it), one worker process (`instance`) or the distributor process (`process: distributor`) stops, and restarts when the fault ends.',
  random: true,
  ends: true,
  targets: {
    machine: { description: 'A crash stops every process on it until it restarts; with `transport.express`, what its queues and outgoing queues hold is lost.' },
    instance: { description: 'A crash stops that worker process only.' },
    process: {},
  },
  oneTarget: 'what crashes',
  settings: {},
  start: (world, _i, f) => {
    let wasted = 0;
    if (f.machine !== undefined) wasted += crashMachine(world, machineNamed(world, f.machine));
    else if (f.distributor) for (const d of world.distributors) crashDistributor(world, d);
    else for (const instance of instancesOf(world, f)) wasted += crashInstance(world, instance);
    return wasted;
  },
  end: (world, _i, f) => {
    if (f.machine !== undefined) restartMachine(world, machineNamed(world, f.machine));
    else if (f.distributor) for (const d of world.distributors) restartDistributor(world, d);
    else for (const instance of instancesOf(world, f)) if (!world.instances[instance].decommissioned) startInstance(world, instance);
  },
  describe: () => [],
};

/**
 * A machine crash: every process on it stops (handlers roll back, their work is wasted), its queue
 * manager accepts nothing (deliveries wait in the senders' outgoing queues; under sessions an accept in
 * progress is done again after the restart, and its own outgoing queues' sessions stop), its senders pause.
 * Durable messages in its queues wait; with express (non-durable) messages, those are lost. A
 * distributor on a cluster (`standby`) fails over to the other node (../processes/distributor-failover.ts).
 */
function crashMachine(world: World, machine: Machine): number {
  if (!machine.up) return 0;
  machine.up = false;
  let wasted = 0;
  for (const instance of world.instances) {
    if (instance.machine === machine && instance.running) wasted += crashInstance(world, instance.index);
  }
  for (const d of world.distributors) {
    if (d.machine !== machine) continue;
    crashDistributor(world, d);
    // On a cluster, the other node takes its queues and process over after the failover time.
    if (d.nodes.length > 0) startFailover(world, d);
  }
  if (world.scenario.transport.express) loseExpress(world, machine);
  return wasted;
}

function restartMachine(world: World, machine: Machine): void {
  if (machine.up) return;
  machine.up = true;
  // A clustered distributor comes back through its failover, not with the node it ran on.
  for (const d of world.distributors) if (d.machine === machine && d.nodes.length === 0) restartDistributor(world, d);
  clusterNodeUp(world, machine);
  for (const instance of world.instances) {
    if (instance.machine === machine && !instance.decommissioned && world.sim.now >= instance.addedAtMs) startInstance(world, instance.index);
  }
  resumeAccepts(world, machine);
}

/** Express messages are in memory only: a crash loses what the machine's queues hold. */
function loseExpress(world: World, machine: Machine): void {
  for (const queue of world.queues) {
    if (queue.machine !== machine.index) continue;
    while (queue.items.length > 0) lose(world, queue.items.shift(), { cause: 'express-crash' });
    queue.length.set(world.sim.now, 0);
  }
}

