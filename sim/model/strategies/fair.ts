// Fair distribution (the NServiceBus sample): each sender sends to the instance with the fewest
// messages it has sent there and not had acknowledged; receivers acknowledge every `ackEvery`
// processed messages with a real message back to the sender.
import type { Sender } from '../kernel/sender.js';
import type { StrategyDefinition } from './definition.js';

declare module '../scenario-types.js' {
  interface StrategySpecs {
    fair: {
      /** The receiver acknowledges after every `ackEvery` processed messages (default 1). */
      readonly ackEvery: number;
    };
  }
}

/** The acknowledgement key of the kinds that count unacknowledged messages (fair, two-choices). */
export const ACK_EVERY_KEY = {
  type: 'integer',
  minimum: 1,
  default: 1,
  words: 'an ackEvery',
  description: 'the receiver acknowledges after every N messages it processed. Default 1.',
} as const;

export const fair: StrategyDefinition<'fair'> = {
  summary: 'fair: each sender sends to the instance with the fewest unacknowledged messages (the "fair distribution" sample).',
  words: 'a fair strategy',
  keys: {
    ackEvery: ACK_EVERY_KEY,
  },
  placement: 'sender-side',
  build: (v) => ({ ackEvery: v.number('ackEvery') }),
  choice: () => ({
    pick: (_world, sender, _endpoint, list) => fairPick(sender, list),
    count: (_world, sender, _endpoint, list, pick) => sender.unacked[list[pick]],
    counts: true,
  }),
  route: { words: 'fewest unacknowledged', count: 'after' },
  ackEvery: (s) => s.ackEvery,
  describe: (s) => [`ackEvery ${s.ackEvery}`],
};

/** Instances never sent to first, then the fewest unacknowledged; ties at random. */
function fairPick(sender: Sender, list: readonly number[]): number {
  let best = Infinity;
  let ties = 0;
  let pick = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const score = sender.sentTo[i] === 0 ? -1 : sender.unacked[i];
    if (score < best) {
      best = score;
      ties = 1;
      pick = k;
    } else if (score === best) {
      // Reservoir choice among equals: each tie is equally likely, one uniform per tie.
      ties++;
      if (sender.routingRng.next() * ties < 1) pick = k;
    }
  }
  return pick;
}
