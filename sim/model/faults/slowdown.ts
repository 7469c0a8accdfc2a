// A slowdown: MSMQ operations and handlers on a machine take `factor` times longer.
import type { FaultDefinition } from './definition.js';
import { machineNamed } from './targets.js';

declare module '../scenario-types.js' {
  interface FaultKinds {
    'slowdown': true;
  }
  interface FaultSettings {
    /** slowdown: operations and handlers on the machine take this many times longer (> 1). */
    readonly factor?: number;
  }
}

export const slowdown: FaultDefinition = {
  summary: 'slowdown: MSMQ operations and handlers on a `machine` take `factor` times longer.',
  random: true,
  ends: true,
  targets: { machine: { required: 'the machine that slows down' } },
  settings: {
    factor: {
      field: 'factor',
      type: 'number',
      exclusiveMinimum: 1,
      required: 'how many times longer operations and handlers on the machine take, a number > 1',
      words: 'a factor',
      description: 'slowdown only, and required for it: how many times longer MSMQ operations and handlers on the machine take, a number > 1.',
    },
  },
  start: (world, _i, f) => {
    machineNamed(world, f.machine ?? '').factor = f.factor ?? 1;
    return 0;
  },
  end: (world, _i, f) => {
    machineNamed(world, f.machine ?? '').factor = 1;
  },
  describe: (f) => (f.factor !== undefined ? [`factor ${f.factor}`] : []),
};
