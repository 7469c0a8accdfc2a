// What a fault names, found in the world: machines and endpoint instances.
import { NetworkFaults } from '../kernel/fault-state.js';
import type { Machine } from '../kernel/machine.js';
import type { World } from '../kernel/world.js';
import type { FaultSpec } from '../scenario-types.js';

export function instancesOf(world: World, f: FaultSpec): number[] {
  const target = f.instance;
  if (!target) return [];
  const e = world.endpointNames.indexOf(target.endpoint);
  // Under a distributor per message type, one physical instance runs several worker processes.
  return world.instances
    .filter((x) => x.endpoint === e && (x.name === target.instance || x.name.startsWith(`${target.instance}/`)))
    .map((x) => x.index);
}

export function machineNamed(world: World, name: string): Machine {
  const machine = world.machines.find((m) => m.name === name);
  if (!machine) throw new Error(`internal: fault names unknown machine ${name}`);
  return machine;
}

/** The machine numbers of fault i's `machines`. */
export function machinesOf(world: World, i: number): number[] {
  return (world.faults.specs[i].machines ?? []).map((name) => world.machines.findIndex((m) => m.name === name));
}

/** The partitions and duplicate-QMId groups in force, made at the first such fault. */
export function network(world: World): NetworkFaults {
  world.network ??= new NetworkFaults();
  return world.network;
}
