// Findings on hand-made results: the exact sentences when their condition holds, none when it does not.
import { describe, expect, it } from 'vitest';
import type { RunResult, ScenarioResult } from '../../sim/metrics/results.js';
import { findings, rankedFindings } from '../../sim/reports/index.js';
import { fixtureResult, variantFixtureResult } from '../reports/fixture.js';

/** Two runs with the same numbers (the fixture's distributor run twice): nothing stands out. */
function balanced(): ScenarioResult {
  const result = fixtureResult();
  const copy: RunResult = structuredClone(result.runs[0]);
  const rename = <T extends { strategy: string }>(row: T): T => ({ ...row, strategy: 'round-robin' });
  result.runs[1] = {
    ...copy,
    summary: { ...rename(copy.summary), kind: 'round-robin' },
    endpoints: copy.endpoints.map(rename),
    machines: copy.machines.map(rename),
    instances: copy.instances.map(rename),
  };
  return result;
}

describe('findings', () => {
  it('ranks the fixture: the p99 gap, lost and unfinished messages, throughput, unequal workers', () => {
    expect(findings(fixtureResult())).toEqual([
      "round-robin's p99 latency is 16 times the distributor's (20.0 s vs 1235 ms)",
      'under round-robin, 2 messages were lost',
      'under round-robin, 48 messages were still queued or in flight at the end (38 in Sales on m1)',
      "round-robin's throughput is 1.6 times the distributor's (12.5 vs 7.99 messages/s)",
      'under round-robin, m1 was busy 99% of the time while m2 was busy only 70%',
    ]);
  });

  it('says nothing when no condition holds', () => {
    expect(rankedFindings(balanced())).toEqual([]);
    expect(findings(balanced())).toEqual([]);
  });

  it('a saturated queue manager, on the distributor machine or not; busy cores', () => {
    const result = balanced();
    result.runs[0].machines[0].queue_manager_utilisation = 0.97;
    result.runs[1].machines[1].cpu_utilisation = 0.934;
    expect(findings(result)).toEqual([
      "under the distributor, the queue manager on m1 (the distributor's machine) was saturated (97% busy)",
      'under round-robin, the cores of m2 were 93% busy',
    ]);
    result.runs[0].machines[0].queue_manager_utilisation = 0.89;
    result.runs[1].machines[1].cpu_utilisation = 0.89;
    expect(findings(result)).toEqual([]);
  });

  it('the same saturation in several runs is one finding', () => {
    const result = balanced();
    for (const run of result.runs) run.machines[1].queue_manager_utilisation = 1;
    expect(findings(result)).toEqual(['under the distributor and round-robin, the queue manager on m2 was saturated (100% busy)']);
  });

  it('failures: one finding when every run failed the same messages', () => {
    const result = balanced();
    for (const run of result.runs) run.summary.failed = 4;
    expect(findings(result)).toEqual(['in every run, 4 messages failed into the error queue after retries']);
    result.runs[0].summary.failed = 0;
    expect(findings(result)).toEqual(['under round-robin, 4 messages failed into the error queue after retries']);
  });

  it('unequal shares of the messages, MSMQ operations per message, time spent waiting', () => {
    const result = balanced();
    result.runs[0].instances[0].processed = 650;
    result.runs[0].instances[1].processed = 350;
    result.runs[0].summary.operations = 14_000;
    result.runs[1].summary.operations = 6_000;
    result.runs[1].summary.wait_mean_ms = 150;
    expect(findings(result)).toEqual([
      'under the distributor, m1 processed 1.9 times as many messages as m2 (650 vs 350)',
      'the distributor needed 14 MSMQ operations per message, round-robin 6',
      'under round-robin, messages spent 73% of their latency waiting (150 ms of 205 ms on average)',
    ]);
  });

  it('most unfinished work in outgoing queues', () => {
    const result = balanced();
    result.runs[1].summary.in_flight_at_end = 31;
    result.runs[1].leftovers = [
      { strategy: 'round-robin', variant: '', queue: 'outgoing m1 -> m2', machine: 'm1', messages: 30 },
      { strategy: 'round-robin', variant: '', queue: 'Sales', machine: 'm2', messages: 1 },
    ];
    expect(findings(result)).toEqual(['under round-robin, 31 messages were still queued or in flight at the end (30 in outgoing queues)']);
  });

  it('the best real strategy against the ideal shared queue; no more than two findings of a kind', () => {
    const result = fixtureResult();
    const shared: RunResult = structuredClone(result.runs[0]);
    shared.summary = { ...shared.summary, strategy: 'shared-queue', kind: 'shared-queue', latency_p99_ms: 1000 };
    const random: RunResult = structuredClone(result.runs[0]);
    random.summary = { ...random.summary, strategy: 'random', kind: 'random', latency_p99_ms: 2469.1356 };
    result.runs.push(shared, random);
    const all = rankedFindings(result).filter((f) => f.kind === 'latency' || f.kind === 'ideal');
    expect(all.map((f) => f.text)).toEqual([
      "round-robin's p99 latency is 16 times the distributor's (20.0 s vs 1235 ms)",
      "random's p99 latency is 2.0 times the distributor's (2469 ms vs 1235 ms)",
      "the distributor's p99 latency is 1.2 times the ideal shared-queue's (1235 ms vs 1000 ms)",
    ]);
    const chosen = findings(result);
    expect(chosen).toHaveLength(5);
    expect(chosen).toContain(all[0].text);
    expect(chosen).toContain(all[1].text);
  });

  it('variants: the crossover, the largest gaps per variant, saturation and failures named with their variant', () => {
    expect(findings(variantFixtureResult())).toEqual([
      "the distributor's p99 latency is 5.0 times round-robin's in variant short (45.3 ms vs 9.05 ms)",
      'the distributor has the lowest p99 latency from variant long on (before that: round-robin)',
      "under the distributor in variant short, the queue manager on m1 (the distributor's machine) was saturated (92% busy)",
      'under round-robin in variant long, 3 messages failed into the error queue after retries',
      "round-robin's p99 latency is 1.8 times the distributor's in variant long (7000 ms vs 3950 ms)",
    ]);
  });

  it('variants: one strategy best in every variant', () => {
    const result = variantFixtureResult();
    result.runs[0].summary.latency_p99_ms = 5;
    expect(findings(result)).toContain('the distributor has the lowest p99 latency in every variant');
    expect(findings(result).join('\n')).not.toMatch(/from variant/);
  });
});
