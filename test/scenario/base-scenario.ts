// A small valid scenario for tests that change one thing in it, and helpers to load the result.
// Line numbers below are part of the tests' expectations: keep the layout.

import { formatProblem, loadScenarioText } from '../../sim/scenario/index.js';

export const BASE_FILE = 'scenarios/base.yaml';

export const BASE = [
  'stop: { messages: 100 }', //                                              1
  'machines:', //                                                            2
  '  client: {}', //                                                         3
  '  worker1: { cores: 2 }', //                                              4
  'endpoints:', //                                                           5
  '  Sales:', //                                                             6
  '    handlers:', //                                                        7
  '      PlaceOrder: { duration: exponential(200ms) }', //                   8
  '    instances:', //                                                       9
  '      - { machine: worker1, threads: 1 }', //                            10
  'senders:', //                                                            11
  '  Sender:', //                                                           12
  '    machine: client', //                                                 13
  '    sends:', //                                                          14
  '      - { message: PlaceOrder, to: Sales, arrivals: poisson(8/s) }', //  15
  'strategies:', //                                                         16
  '  distributor: { kind: distributor, machine: worker1 }', //              17
].join('\n') + '\n';

/** BASE with `from` (which must occur in it) replaced by `to`. */
export function changed(from: string, to: string, text = BASE): string {
  if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in the scenario`);
  return text.replace(from, to);
}

/** The problem lines for loading `text` as BASE_FILE; [] when it loads. */
export function problemLines(text: string, file = BASE_FILE): string[] {
  const result = loadScenarioText(text, file);
  return result.ok ? [] : result.problems.map(formatProblem);
}
