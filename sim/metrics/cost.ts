// The price of one configuration under a `cost:` block: the machines that host endpoint instances,
// the handler threads, and (for a distributor strategy) one distributor per endpoint with instances.
import type { Scenario } from '../model/scenario-types.js';
import type { CostSpec } from '../scenario/build-cost.js';

export interface CostParts {
  readonly machines: number;
  readonly threads: number;
  readonly distributors: number;
  readonly total: number;
}

export function configurationCost(cost: CostSpec, scenario: Scenario, strategy: string): CostParts {
  const instances = scenario.endpoints.flatMap((e) => e.instances);
  const machines = new Set(instances.map((i) => i.machine)).size;
  const threads = instances.reduce((sum, i) => sum + i.threads, 0);
  const kind = scenario.strategies.find((s) => s.name === strategy)?.kind;
  const distributors = kind === 'distributor' ? scenario.endpoints.filter((e) => e.instances.length > 0).length : 0;
  return { machines, threads, distributors, total: machines * cost.machine + threads * cost.thread + distributors * cost.distributor };
}
