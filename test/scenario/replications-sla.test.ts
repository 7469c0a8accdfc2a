// `replications:` (runs per strategy or sweep point, default 1) and `sla:` (one metric and its limit).
// Inline scenarios are BASE (17 lines, base-scenario.ts) followed by the keys tested, from line 18.

import { describe, expect, it } from 'vitest';
import { SLA_METRICS } from '../../sim/model/scenario-types.js';
import { loadScenarioText } from '../../sim/scenario/index.js';
import { BASE, problemLines } from './base-scenario.js';

const F = 'scenarios/base.yaml';

function load(extra: string) {
  const result = loadScenarioText(`${BASE}${extra}`, F);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.scenario;
}

describe('replications', () => {
  it('defaults to 1 and takes a positive integer', () => {
    expect(load('').replications).toBe(1);
    expect(load('replications: 5\n').replications).toBe(5);
  });

  it('reports anything else', () => {
    expect(problemLines(`${BASE}replications: 0\n`)).toEqual([`${F}:18:15: replications must be >= 1, got 0`]);
    expect(problemLines(`${BASE}replications: 2.5\n`)).toEqual([`${F}:18:15: replications must be a positive integer, got 2.5 (number)`]);
    expect(problemLines(`${BASE}replications: three\n`)).toEqual([`${F}:18:15: replications must be a positive integer, got "three" (string)`]);
  });
});

describe('sla', () => {
  it('is absent unless given', () => {
    expect('sla' in load('')).toBe(false);
  });

  it('takes one metric and a duration limit', () => {
    expect(load('sla: { latency_p99: 2s }\n').sla).toEqual({ metric: 'latency_p99', limitMs: 2000 });
    expect(load('sla:\n  wait_mean: 150ms\n').sla).toEqual({ metric: 'wait_mean', limitMs: 150 });
    for (const metric of SLA_METRICS) expect(load(`sla: { ${metric}: 1.5s }\n`).sla).toEqual({ metric, limitMs: 1500 });
  });

  it('needs exactly one metric', () => {
    expect(problemLines(`${BASE}sla: {}\n`)).toEqual([`${F}:18:6: sla must bound exactly one metric, e.g. { latency_p99: 2s }, got an empty mapping`]);
    expect(problemLines(`${BASE}sla: { latency_p99: 2s, wait_p99: 1s }\n`)).toEqual([
      `${F}:18:6: sla must bound exactly one metric, e.g. { latency_p99: 2s }, got 2: latency_p99, wait_p99`,
    ]);
  });

  it('names the metrics it knows, with a did-you-mean', () => {
    expect(problemLines(`${BASE}sla: { latency_p999: 2s }\n`)).toEqual([`${F}:18:8: sla unknown key "latency_p999"; did you mean "latency_p99"?`]);
    expect(problemLines(`${BASE}sla: { throughput: 2s }\n`)).toEqual([
      `${F}:18:8: sla unknown key "throughput"; allowed keys here are latency_mean, latency_p50, latency_p95, latency_p99, wait_mean, wait_p50, wait_p95, wait_p99`,
    ]);
  });

  it('needs a limit > 0 with a unit', () => {
    expect(problemLines(`${BASE}sla: { latency_p99: 0s }\n`)).toEqual([`${F}:18:21: sla.latency_p99 must be > 0, got "0s"`]);
    expect(problemLines(`${BASE}sla: { latency_p99: 2 }\n`)).toEqual([`${F}:18:21: sla.latency_p99 needs a unit, e.g. 2ms, got 2 (number)`]);
    expect(problemLines(`${BASE}sla: 2s\n`)).toEqual([`${F}:18:6: sla must be a mapping, got "2s" (string)`]);
  });

  it('may differ in a variant', () => {
    const result = loadScenarioText(`${BASE}sla: { latency_p99: 2s }\nreplications: 2\nvariants:\n  strict: { sla: { latency_p95: 1s }, replications: 4 }\n`, F);
    expect(result.ok && result.variants.map((v) => [v.scenario.sla, v.scenario.replications])).toEqual([[{ metric: 'latency_p95', limitMs: 1000 }, 4]]);
  });
});
