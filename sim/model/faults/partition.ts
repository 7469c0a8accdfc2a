// A partition: two machines cannot reach each other; messages between them wait in outgoing queues
// (../processes/network.ts) and cross when it heals.
import type { World } from '../kernel/world.js';
import { crossNetwork, pairKey } from '../processes/network.js';
import { resumePair } from '../processes/session-accept.js';
import type { FaultDefinition } from './definition.js';
import { machinesOf, network } from './targets.js';

declare module '../scenario-types.js' {
  interface FaultKinds {
    'partition': true;
  }
}

export const partition: FaultDefinition = {
  summary: 'partition: two `machines` cannot reach each other; messages between them wait in outgoing queues until it heals.',
  random: false,
  ends: true,
  targets: {
    machines: {
      required: 'the two machines cut off from each other',
      description: 'exactly two different machines, cut off from each other.',
      count: { min: 2, max: 2, problem: 'must name exactly two machines (a partition cuts the network between two)', join: '-' },
    },
  },
  settings: {},
  start: (world, i) => {
    startPartition(world, i);
    return 0;
  },
  end: (world, i) => endPartition(world, i),
  describe: () => [],
};

function startPartition(world: World, i: number): void {
  const [a, b] = machinesOf(world, i);
  network(world).partitions.add(pairKey(world, a, b));
}

function endPartition(world: World, i: number): void {
  const [a, b] = machinesOf(world, i);
  network(world).partitions.delete(pairKey(world, a, b));
  for (const out of world.outgoing) {
    if (!((out.from === a && out.to === b) || (out.from === b && out.to === a))) continue;
    while (out.held.length > 0) crossNetwork(world, out.held.shift(), out.from, out.to, out.heldQueues.shift());
  }
  if (world.sessionAccept) resumePair(world, a, b);
}
