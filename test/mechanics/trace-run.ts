// Runs a tiny scenario given as YAML text and returns its trace as readable lines, for trace-level
// tests that assert the exact sequence of what happens.
import { runScenario } from '../../sim/metrics/run.js';
import type { ScenarioResult } from '../../sim/metrics/results.js';
import type { TraceEvent, TraceRecord } from '../../sim/model/kernel/trace.js';
import { traceDetail } from '../../sim/model/trace-words.js';
import { formatProblem, loadScenarioText } from '../../sim/scenario/index.js';

export interface Traced {
  lines: string[];
  result: ScenarioResult;
}

export function line(r: TraceRecord): string {
  return [`${+r.time_ms.toFixed(3)}`, r.event, r.message, r.by, r.where, traceDetail(r)].filter((x) => x !== '').join(' | ');
}

/** Runs `yaml` (file name used for relative paths: test/mechanics/<name>.yaml) keeping only `events`. */
export async function trace(yaml: string, events: readonly TraceEvent[], file = 'test/mechanics/tiny.yaml'): Promise<Traced> {
  const loaded = loadScenarioText(yaml, file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const lines: string[] = [];
  const result = await runScenario(loaded.scenario, {
    variants: loaded.variants,
    trace: (r) => {
      if (events.includes(r.event)) lines.push(line(r));
    },
  });
  return { lines, result };
}

/** Machines client, server, w1..w3 with one core each, and the transport costs given (and other transport keys). */
export function machines(operation = '1ms', network = '0.5ms', transport = ''): string {
  return `transport: { operation: ${operation}, network: ${network}${transport === '' ? '' : `, ${transport}`} }
machines: { client: {}, server: {}, w1: {}, w2: {}, w3: {} }
`;
}
