// When the scenario's faults (`faults:`) start and end, the same for every kind: fixed faults start
// at `at` and end after `duration`; random ones repeat with exponential times to failure and repair
// from the fault's own stream (faults/<name>). What each kind does is in its own file (registry.ts).
import type { RandomStream } from '../../random/stream.js';
import { Ev } from '../kernel/events.js';
import type { World } from '../kernel/world.js';
import { FAULTS } from './registry.js';

/** Schedules every fault's first start (and fixed ends). */
export function scheduleFaults(world: World): void {
  world.faults.specs.forEach((f, i) => {
    FAULTS[f.kind].prepare?.(world, f);
    if (f.mttfMs !== undefined) world.sim.schedule(exponential(world.faults.rngs[i], f.mttfMs), Ev.FaultStart, i, 0);
    else world.sim.at(f.atMs, Ev.FaultStart, i, 0);
  });
}

export function faultStart(world: World, i: number): void {
  const f = world.faults.specs[i];
  const now = world.sim.now;
  const occurrence = world.faults.occurrences.push({ fault: i, start: now, end: NaN, wastedMs: 0, resumedAt: NaN }) - 1;
  world.faults.current[i] = occurrence;
  if (world.trace) world.emit('fault', -1, f.name, f.kind, { change: 'starts' });
  const definition = FAULTS[f.kind];
  const record = world.faults.occurrences[occurrence];
  record.wastedMs += definition.start(world, i, f);
  const duration = f.mttrMs !== undefined ? exponential(world.faults.rngs[i], f.mttrMs) : f.durationMs;
  if (duration !== undefined && definition.ends) world.sim.schedule(duration, Ev.FaultEnd, i, 0);
}

export function faultEnd(world: World, i: number): void {
  const f = world.faults.specs[i];
  const occurrence = world.faults.current[i];
  if (occurrence < 0) return;
  world.faults.occurrences[occurrence].end = world.sim.now;
  world.faults.current[i] = -1;
  if (world.trace) world.emit('fault', -1, f.name, f.kind, { change: 'ends' });
  FAULTS[f.kind].end?.(world, i, f);
  // A random fault strikes again after the next time to failure.
  if (f.mttfMs !== undefined && !world.sendingStopped) {
    world.sim.schedule(exponential(world.faults.rngs[i], f.mttfMs), Ev.FaultStart, i, 0);
  }
}

function exponential(rng: RandomStream, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}
