// Sender-side "power of two choices": the sender draws two different instances at random from its
// routing stream (routing/<strategy>/<sender>) and sends to the one with fewer messages it sent there
// and not had acknowledged (ties: the first drawn). Receivers acknowledge exactly as under `fair`: a
// real message back to the sender every `ackEvery` processed messages. With one sender, zero costs
// and `ackEvery: 1` the unacknowledged count is the instance's queue length, so this is the
// supermarket model of Mitzenmacher ("The Power of Two Choices in Randomized Load Balancing", 2001).
import type { Sender } from '../kernel/sender.js';
import type { StrategyDefinition } from './definition.js';
import { ACK_EVERY_KEY } from './fair.js';

declare module '../scenario-types.js' {
  interface StrategySpecs {
    'two-choices': {
      /** The receiver acknowledges after every `ackEvery` processed messages (default 1). */
      readonly ackEvery: number;
    };
  }
}

export const twoChoices: StrategyDefinition<'two-choices'> = {
  summary:
    'two-choices: each sender draws two instances at random and sends to the one with fewer unacknowledged messages (acknowledged as under fair).',
  words: 'a two-choices strategy',
  keys: {
    ackEvery: ACK_EVERY_KEY,
  },
  placement: 'sender-side',
  build: (v) => ({ ackEvery: v.number('ackEvery') }),
  choice: () => ({
    pick: (_world, sender, _endpoint, list) => twoChoicesPick(sender, list),
    count: (_world, sender, _endpoint, list, pick) => sender.unacked[list[pick]],
    counts: true,
  }),
  route: { words: 'fewer unacknowledged of two', count: 'after' },
  ackEvery: (s) => s.ackEvery,
  // The supermarket model's mean-field limit (many instances): mean time in system
  // sum over i >= 1 of rho^(2^i - 2), in units of the mean service time (Mitzenmacher 2001, thm 3.1).
  theory: (fit) => {
    if (!fit.singleThreads || fit.senders !== 1 || fit.instances < 2) return undefined;
    const rho = fit.lambda / (fit.instances * fit.mu);
    if (rho >= 1) return { model: 'supermarket(2)', waitMs: Infinity };
    let inSystem = 0;
    for (let i = 1, term = 1; term > 1e-12; i++) {
      term = rho ** (2 ** i - 2);
      inSystem += term;
    }
    return { model: 'supermarket(2)', waitMs: (inSystem - 1) / fit.mu };
  },
  describe: (s) => [`ackEvery ${s.ackEvery}`],
};

/** Two different instances drawn uniformly; the one with fewer unacknowledged messages. */
function twoChoicesPick(sender: Sender, list: readonly number[]): number {
  if (list.length === 1) return 0;
  const a = Math.floor(sender.routingRng.next() * list.length);
  let b = Math.floor(sender.routingRng.next() * (list.length - 1));
  if (b >= a) b++;
  return sender.unacked[list[b]] < sender.unacked[list[a]] ? b : a;
}
