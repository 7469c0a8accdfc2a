// Faults between machines: starting and ending network partitions and duplicate QMIds. What they do
// to each message crossing the network (held, stalled, resent) is in ../processes/network.ts.
import { createStream } from '../../random/stream.js';
import { Ev } from '../kernel/events.js';
import { NetworkFaults, QmidGroup } from '../kernel/fault-state.js';
import type { World } from '../kernel/world.js';
import { crossNetwork, pairKey } from '../processes/network.js';

export function startPartition(world: World, i: number): void {
  const [a, b] = machinesOf(world, i);
  network(world).partitions.add(pairKey(world, a, b));
}

export function endPartition(world: World, i: number): void {
  const [a, b] = machinesOf(world, i);
  network(world).partitions.delete(pairKey(world, a, b));
  for (const out of world.outgoing) {
    if (!((out.from === a && out.to === b) || (out.from === b && out.to === a))) continue;
    while (out.held.length > 0) crossNetwork(world, out.held.shift(), out.from, out.to, out.heldQueues.shift());
  }
}

export function startDuplicateQmid(world: World, i: number): void {
  const f = world.faults.specs[i];
  const members = machinesOf(world, i);
  const group = new QmidGroup(i, members, f.lossProbability ?? 0.05, f.switchEveryMs ?? 300_000, createStream(world.scenario.seed, `faults/${f.name}/qmid`));
  network(world).groups.set(i, group);
  for (const m of members) world.machines[m].qmidGroup = i;
  if (world.trace) world.emit('fault', -1, f.name, world.machines[group.owner].name, 'gets the acknowledgements');
  world.sim.schedule(-group.switchEveryMs * Math.log(1 - group.rng.next()), Ev.QmidSwitch, i, 0);
}

export function stopDuplicateQmid(world: World, i: number): void {
  const group = world.network?.groups.get(i);
  if (!group) return;
  group.active = false;
  for (const m of group.members) world.machines[m].qmidGroup = -1;
}

/** Which machine of the group works changes "in a seemingly random fashion". */
export function qmidSwitch(world: World, i: number): void {
  const group = world.network?.groups.get(i);
  if (!group?.active) return;
  const others = group.members.filter((m) => m !== group.owner);
  group.owner = others[Math.floor(group.rng.next() * others.length)];
  if (world.trace) world.emit('fault', -1, world.faults.specs[i].name, world.machines[group.owner].name, 'gets the acknowledgements now');
  world.sim.schedule(-group.switchEveryMs * Math.log(1 - group.rng.next()), Ev.QmidSwitch, i, 0);
}

function network(world: World): NetworkFaults {
  world.network ??= new NetworkFaults();
  return world.network;
}

function machinesOf(world: World, i: number): number[] {
  return (world.faults.specs[i].machines ?? []).map((name) => world.machines.findIndex((m) => m.name === name));
}
