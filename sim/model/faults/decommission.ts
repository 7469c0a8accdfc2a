// Decommissioning: an instance is taken out of service for good (the fault takes no duration).
import { Ev } from '../kernel/events.js';
import { WORK } from '../kernel/message-pool.js';
import type { World } from '../kernel/world.js';
import { crashInstance, sendControl } from '../processes/lifecycle.js';
import { ControlKind, DISCONNECTED } from '../kernel/distributor-state.js';
import type { FaultSpec } from '../scenario-types.js';
import type { FaultDefinition } from './definition.js';
import { instancesOf } from './targets.js';

declare module '../scenario-types.js' {
  interface FaultKinds {
    'decommission': true;
  }
  interface FaultSettings {
    /** decommission: the documented way (true: unmap, wait for refreshes, drain, stop) or at once (false). Default true. */
    readonly careful?: boolean;
    /** decommission, step 6: when the messages left in the stopped instance's input queue are moved to the other instances (ms); absent: never. */
    readonly moveLeftoversAtMs?: number;
  }
}

export const decommission: FaultDefinition = {
  summary: 'decommission: an `instance` is taken out of service for good (takes no duration).',
  random: false,
  ends: false,
  targets: { instance: { required: 'the endpoint instance taken out, as Endpoint/instance' } },
  settings: {
    careful: {
      field: 'careful',
      type: 'flag',
      default: true,
      words: 'a careful setting',
      description:
        'decommission only: true takes the instance out the documented way (remove it from the instance mapping, wait until every sender has re-read it, let it drain, then stop it); ' +
        'false stops it at once, mapping unchanged. Default true.',
    },
    moveLeftoversAt: {
      field: 'moveLeftoversAtMs',
      type: 'time',
      words: 'a moveLeftoversAt time',
      description:
        "decommission only: step 6 of the documented procedure, at this time (>= `at`): the messages then in the stopped instance's input queue are received from it one by one and sent " +
        "on (a receive and a send on the instance's machine, in one transaction each) to the endpoint's other instances in the mapping, in turn, or under a distributor to its data queue. " +
        'If the instance is still draining then, the move starts when it has stopped. Default: never (what is left stays).',
    },
  },
  check: (f) =>
    f.moveLeftoversAtMs !== undefined && f.moveLeftoversAtMs < f.atMs
      ? { key: 'moveLeftoversAt', problem: 'must not be before the decommission (`at`): the leftovers are moved after the instance has stopped' }
      : undefined,
  // The careful way changes the mapping during the run: senders then re-read it on their timers.
  prepare: (world, f) => {
    if (f.careful !== false) world.mappingChanges = true;
  },
  start: (world, _i, f) => {
    decommissionInstances(world, f);
    if (f.moveLeftoversAtMs !== undefined) {
      for (const i of instancesOf(world, f)) world.sim.at(Math.max(world.sim.now, f.moveLeftoversAtMs), Ev.MoveLeftovers, i, -1);
    }
    return 0;
  },
  describe: (f) => [...(f.careful !== undefined ? [f.careful ? 'careful' : 'careless'] : []), ...(f.moveLeftoversAtMs !== undefined ? [`leftovers moved at ${f.moveLeftoversAtMs / 1000} s`] : [])],
};

/**
 * Decommissioning an instance. The documented way: remove it from the mapping, wait until every
 * sender has re-read it, let it drain, then stop it. At once: stop it now, mapping unchanged.
 * What is left in its queue is counted (instances.csv queued_at_end, leftovers.csv).
 */
function decommissionInstances(world: World, f: FaultSpec): void {
  for (const i of instancesOf(world, f)) {
    const instance = world.instances[i];
    instance.decommissioned = true;
    if (f.careful === false) {
      crashInstance(world, i);
      continue;
    }
    instance.removedAtMs = world.sim.now;
    // Under a distributor the worker stops cleanly: it unregisters first, so nothing new is forwarded
    // to it, then drains what it already has.
    if (instance.distributor >= 0 && instance.running) sendControl(world, i, ControlKind.Disconnect, 0);
    const waitForRefresh = Math.max(...world.senders.map((s) => s.refreshMs));
    world.sim.schedule(waitForRefresh, Ev.DecommissionCheck, i, 0);
  }
}

/** After the refreshes: stop the instance once its queue is empty and its threads idle. */
export function decommissionCheck(world: World, i: number): void {
  const instance = world.instances[i];
  if (!instance.running) return;
  let waiting = 0;
  for (let k = 0; k < instance.input.items.length; k++) if (world.pool.kind[instance.input.items.at(k)] === WORK) waiting++;
  // Under a distributor it also waits until the distributor has unregistered it.
  const unregistered = instance.distributor < 0 || world.distributors[instance.distributor].registered.get(i) === DISCONNECTED || !world.distributors[instance.distributor].running;
  if (waiting === 0 && instance.busy.value === 0 && unregistered) crashInstance(world, i);
  else world.sim.schedule(1000, Ev.DecommissionCheck, i, 0);
}
