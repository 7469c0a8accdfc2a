// The scenario loading pipeline's public face: YAML file (and --set options) -> immutable Scenario (and
// its variants or sweep) or a list of problems.

export { loadScenarioFile, loadScenarioText, type LoadOptions, type LoadResult } from './load.js';
export { formatProblem, type Problem } from './problem.js';
export { scenarioJsonSchema } from './schema.js';
export { parseDuration, parseNonNegativeRate, parsePositiveDuration, parseRate } from './units.js';
export { SET_FILE } from './set-overrides.js';
export { parseDistribution } from './distribution.js';
export { parseArrivals } from './arrivals.js';
export { COST_KEYS, type CostSpec } from './build-cost.js';
export { DISK_FILES, type ScenarioFiles } from './scenario-files.js';
export type { TextFile } from './text-file.js';
