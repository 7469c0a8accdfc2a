// The outgoing queue from one machine to another, created on first use.
import { OutgoingQueue } from '../kernel/outgoing-queue.js';
import type { World } from '../kernel/world.js';

export function outgoingQueue(world: World, from: number, to: number): OutgoingQueue {
  const key = from * world.machines.length + to;
  const known = world.outgoingIndex.get(key);
  if (known !== undefined) return world.outgoing[known];
  const name = `outgoing ${world.machines[from].name} -> ${world.machines[to].name}`;
  const out = new OutgoingQueue(world.outgoing.length, from, to, name);
  world.outgoing.push(out);
  world.outgoingIndex.set(key, out.index);
  return out;
}
