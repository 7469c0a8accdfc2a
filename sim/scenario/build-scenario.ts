// Step 4 and 5 of loading: schema-checked data -> the immutable Scenario, checking what the schema
// cannot (units, expressions, references, cross-field rules) and filling in defaults.

import { basename, extname } from 'node:path';
import type { MachineSpec, Scenario } from '../model/scenario-types.js';
import { type BuildContext, type Data, entries, integerAt, isData, stringAt } from './build-context.js';
import { buildEndpoints } from './build-endpoints.js';
import { buildFaults } from './build-faults.js';
import { buildRunRules } from './build-run.js';
import { buildSenders } from './build-senders.js';
import { buildStrategies } from './build-strategies.js';
import { checkLimits } from './limits.js';

export const DEFAULT_SEED = 1;
export const DEFAULT_CORES = 1;

/**
 * The scenario described by `data`. Problems go to ctx.problems; when there are any, the returned
 * value may hold placeholders and must not be used.
 */
export function buildScenario(ctx: BuildContext, data: Data): Scenario {
  const machines = buildMachines(ctx, data);
  const machineNames = machines.map((m) => m.name);
  const rules = buildRunRules(ctx, data);
  const endpoints = buildEndpoints(ctx, data, machineNames);
  const senders = buildSenders(ctx, data, machineNames, rules.stop?.durationMs);
  const strategies = buildStrategies(ctx, data, machineNames);
  const faults = buildFaults(ctx, data, machineNames, endpoints);
  const seed = Object.hasOwn(data, 'seed') ? integerAt(data.seed, 0) : DEFAULT_SEED;
  const scenario: Scenario = {
    name: stringAt(data.name) ?? defaultName(ctx.file),
    file: ctx.file,
    seed: seed ?? NaN,
    stop: rules.stop ?? {},
    warmup: rules.warmup,
    drainMs: rules.drainMs,
    ...(rules.sampleIntervalMs === undefined ? {} : { sampleIntervalMs: rules.sampleIntervalMs }),
    transport: rules.transport,
    machines,
    endpoints,
    senders,
    strategies,
    faults,
    replications: rules.replications,
    ...(rules.sla === undefined ? {} : { sla: rules.sla }),
  };
  checkLimits(ctx, scenario);
  return scenario;
}

/** `scenarios/scale-out-sample.yaml` -> `scale-out-sample`. */
function defaultName(file: string): string {
  return basename(file, extname(file)) || 'scenario';
}

/** `name: {}`, `name:` (empty) and `name: { cores: N }` are all machines; the first two use defaults. */
function buildMachines(ctx: BuildContext, data: Data): MachineSpec[] {
  return entries(ctx, data.machines, ['machines']).map(([name, machine]) => {
    const cores = isData(machine) && Object.hasOwn(machine, 'cores') ? integerAt(machine.cores, 1) : DEFAULT_CORES;
    return { name, cores: cores ?? NaN };
  });
}
