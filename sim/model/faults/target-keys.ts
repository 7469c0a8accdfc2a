// The keys that name what a fault hits, which several kinds share (each kind says in its definition
// which it takes, whether it requires it, and its own sentence): how a problem names each, and the
// words of its schema description that every kind shares. The loader reads each one the same way for
// every kind (sim/scenario/build-fault-targets.ts).
export const FAULT_TARGET_KEYS = {
  machine: { words: 'a machine', schema: 'text', description: 'the machine, a name under `machines`.' },
  instance: {
    words: 'an instance',
    schema: 'text',
    description:
      'one endpoint instance, written Endpoint/instance, e.g. Sales/worker1 (an instance is named after its machine, or machine-1, machine-2... when several of the endpoint share one, unless it has a `name`).',
  },
  process: {
    words: 'a process',
    schema: 'distributor',
    description: '`distributor` crashes the distributor processes (one per endpoint, or per message type), not their machine. The scenario needs a strategy of kind distributor.',
  },
  machines: { words: 'machines', schema: 'machines', description: '' },
} as const;

export type FaultTargetKey = keyof typeof FAULT_TARGET_KEYS;
export const FAULT_TARGET_KEY_NAMES = Object.keys(FAULT_TARGET_KEYS) as readonly FaultTargetKey[];
