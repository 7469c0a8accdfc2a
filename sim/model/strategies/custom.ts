// The user's own sender-side strategy: a JavaScript module picks the instance (custom-strategy.ts
// loads and calls it).
import type { StrategyDefinition } from './definition.js';
import { callCustom } from './custom-strategy.js';

declare module '../scenario-types.js' {
  interface StrategySpecs {
    custom: {
      /** The module path as written, and resolved against the scenario's folder. */
      readonly module?: string;
      readonly modulePath?: string;
      /** Free-form options handed to the module. */
      readonly options?: Readonly<Record<string, unknown>>;
    };
  }
}

export const custom: StrategyDefinition<'custom'> = {
  summary: 'custom: each sender asks your own JavaScript module (`module`) which instance to send to.',
  words: 'a custom strategy',
  keys: {
    module: {
      type: 'module',
      required: 'the .js or .mjs file that picks the instance',
      words: 'a module',
      description: 'the .js or .mjs file (relative to the scenario file) whose default export picks the instance.',
    },
    options: { type: 'mapping', words: 'options', description: 'any mapping, handed to the module as a plain object. Default {}.' },
  },
  placement: 'sender-side',
  build: (v) => {
    const options = v.mapping('options');
    const module = v.text('module');
    return module === undefined ? { options } : { module, modulePath: v.path('module'), options };
  },
  choice: () => ({
    pick: (world, sender, endpoint, list, m) => callCustom(world, sender, endpoint, list, m),
    count: () => NaN,
    counts: false,
  }),
  route: { words: 'by the custom strategy', count: 'none' },
  describe: (s) => [`module ${s.module ?? '?'}`],
};
