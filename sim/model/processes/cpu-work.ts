// CPU-bound work on a machine's shared cores (cpu.ts): handlers marked cpuBound and the
// distributor's per-forward CPU time. Each machine keeps one pending completion event, re-planned
// whenever the sharing changes; an event made stale by a later change carries an old token. What a
// finished job continues with is in ../dispatch.ts (cpuDone).
import { Ev } from '../kernel/events.js';
import type { Machine } from '../kernel/machine.js';
import type { World } from '../kernel/world.js';

/** Continuations of CPU-bound work (Cpu.kind). */
export const CpuJob = { Handler: 0, Forward: 1 } as const;

/** Puts `work` ms of CPU on a machine's cores for consumer c's message m. */
export function addCpuWork(world: World, machine: Machine, work: number, c: number, m: number, job: number): void {
  machine.cpu.add(world.sim.now, work, c, m, job);
  scheduleCpu(world, machine);
}

export function scheduleCpu(world: World, machine: Machine): void {
  const cpu = machine.cpu;
  cpu.token = (cpu.token + 1) & 0x3fffffff;
  const next = cpu.nextCompletion(world.sim.now);
  if (next !== Infinity) world.sim.at(next, Ev.CpuDone, machine.index, cpu.token);
}
