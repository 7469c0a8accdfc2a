// A duplicate QMId: machines cloned without sysprep share one MSMQ queue manager id, so only one of
// them (the "owner", which changes at random) gets its acknowledgements. What that does to each
// message crossing the network (stalls, resends, losses) is in ../processes/network.ts.
import { createStream } from '../../random/stream.js';
import { Ev } from '../kernel/events.js';
import { QmidGroup } from '../kernel/fault-state.js';
import type { World } from '../kernel/world.js';
import type { FaultDefinition } from './definition.js';
import { machinesOf, network } from './targets.js';

declare module '../scenario-types.js' {
  interface FaultKinds {
    'duplicate-qmid': true;
  }
  interface FaultSettings {
    /** duplicate-qmid: chance that a stalled message vanishes at each resend (default 0.05). */
    readonly lossProbability?: number;
    /** duplicate-qmid: mean time between changes of which machine works (default 5 min). */
    readonly switchEveryMs?: number;
  }
}

export const duplicateQmid: FaultDefinition = {
  summary:
    "duplicate-qmid: `machines` cloned without sysprep share one MSMQ QMId, so they receive each other's acknowledgements: only one of them can send and receive at a time, which one changes at random, and stalled messages may vanish.",
  random: false,
  ends: true,
  targets: {
    machines: {
      required: 'the machines that share one QMId',
      description: 'two or more different machines that share one QMId.',
      count: { min: 2, max: Infinity, problem: 'must name at least two machines (the ones sharing a QMId)', join: '+' },
    },
  },
  settings: {
    lossProbability: {
      field: 'lossProbability',
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 0.05,
      words: 'a lossProbability',
      description: 'duplicate-qmid only: the chance (0 to 1) that a message stalled by a misrouted acknowledgement vanishes at each resend. Default 0.05.',
    },
    switchEvery: {
      field: 'switchEveryMs',
      type: 'duration',
      positive: true,
      default: '5m',
      defaultMs: 300_000,
      words: 'a switchEvery',
      description: 'duplicate-qmid only: mean time between changes of which machine can send and receive, > 0. Default 5m.',
    },
  },
  start: (world, i) => {
    startDuplicateQmid(world, i);
    return 0;
  },
  end: (world, i) => stopDuplicateQmid(world, i),
  describe: (f) => (f.lossProbability !== undefined ? [`loss probability ${f.lossProbability}`] : []),
};

function startDuplicateQmid(world: World, i: number): void {
  const f = world.faults.specs[i];
  const members = machinesOf(world, i);
  const group = new QmidGroup(i, members, f.lossProbability ?? 0.05, f.switchEveryMs ?? 300_000, createStream(world.scenario.seed, `faults/${f.name}/qmid`));
  network(world).groups.set(i, group);
  for (const m of members) world.machines[m].qmidGroup = i;
  if (world.trace) world.emit('fault', -1, f.name, world.machines[group.owner].name, { change: 'owner' });
  world.sim.schedule(-group.switchEveryMs * Math.log(1 - group.rng.next()), Ev.QmidSwitch, i, 0);
}

function stopDuplicateQmid(world: World, i: number): void {
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
  if (world.trace) world.emit('fault', -1, world.faults.specs[i].name, world.machines[group.owner].name, { change: 'new-owner' });
  world.sim.schedule(-group.switchEveryMs * Math.log(1 - group.rng.next()), Ev.QmidSwitch, i, 0);
}
