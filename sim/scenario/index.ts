// The scenario loading pipeline's public face: YAML file -> immutable Scenario (and its variants) or a
// list of problems.

export { loadScenarioFile, loadScenarioText, type LoadResult } from './load.js';
export { formatProblem, type Problem } from './problem.js';
export { scenarioJsonSchema } from './schema.js';
export { parseDuration, parsePositiveDuration, parseRate } from './units.js';
export { parseDistribution } from './distribution.js';
export { parseArrivals } from './arrivals.js';
