// What ties distributed pieces of one sweep together: the sim version (package.json) and a hash of
// the loaded scenario, its sweep points and the strategies asked for. Results of a different scenario
// or version are never mixed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Scenario, Sweep } from '../model/scenario-types.js';
import type { CostSpec } from '../scenario/index.js';
import { encode } from './codec.js';

let cached: string | undefined;

/** The version in package.json (two folders up, from sim/distributed/ and from dist/distributed/). */
export function simVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}

export function scenarioHash(scenario: Scenario, sweep: Sweep, strategies: readonly string[] | undefined, cost?: CostSpec): string {
  const identity = { scenario, parameters: sweep.parameters.map((p) => p.path), points: sweep.points, strategies: strategies ?? null, ...(cost === undefined ? {} : { cost }) };
  return createHash('sha256').update(encode(identity)).digest('hex');
}
