import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioFile, loadScenarioText } from '../../sim/scenario/index.js';
import { parseEmpiricalData } from '../../sim/scenario/empirical-data.js';

const FIXTURES = 'test/fixtures/scenarios';

describe('empirical data files', () => {
  it('reads durations relative to the scenario file, keeping the path as written', () => {
    const result = loadScenarioFile(`${FIXTURES}/empirical.yaml`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // durations.csv: a header, a blank line, bare milliseconds, units, CRLF and padding.
    const samples = [120, 250.5, 1500, 0, 300];
    expect(result.scenario.endpoints[0].handlers).toEqual([
      { message: 'Render', duration: { kind: 'empirical', file: 'data/durations.csv', samples }, cpuBound: false, failureProbability: 0 },
      { message: 'Print', duration: { kind: 'empirical', file: 'data/durations.csv', samples }, cpuBound: false, failureProbability: 0 },
    ]);
  });

  it('reports problems inside the data file at their lines, after the scenario field naming it', () => {
    const file = `${FIXTURES}/empirical-bad.yaml`;
    const result = loadScenarioFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const data = `${FIXTURES}/data`;
    expect(result.problems.map(formatProblem)).toEqual([
      `${file}:6:27: endpoints.Reports.handlers.Render.duration empirical data file "${data}/bad-durations.csv" has 3 problems (listed next)`,
      `${data}/bad-durations.csv:3:1: must not be negative, got "-5"`,
      `${data}/bad-durations.csv:4:1: must be a duration such as 200ms or a number of milliseconds, got "abc"`,
      `${data}/bad-durations.csv:5:1: unknown unit "sec" in "200sec"; use ms, s, m or h`,
      `${file}:7:26: endpoints.Reports.handlers.Print.duration empirical data file "${data}/missing.csv": cannot read file: no such file`,
      `${file}:8:25: endpoints.Reports.handlers.Scan.duration empirical data file "${data}/empty.csv" has 1 problem (listed next)`,
      `${data}/empty.csv:1:1: has no durations; write one per line, e.g. 200ms or 200 (milliseconds)`,
      `${file}:9:25: endpoints.Reports.handlers.Copy.duration empirical data file "${data}/binary.csv": is not a text file (binary content)`,
      `${file}:10:24: endpoints.Reports.handlers.Fax.duration empirical takes (file.csv), got no file name`,
    ]);
  });

  it('reports a bad data file once, even when two handlers use it', () => {
    const text = [
      'stop: { messages: 10 }',
      'machines: { box: }',
      'endpoints:',
      '  E:',
      '    handlers:',
      '      A: { duration: empirical(data/bad-durations.csv) }',
      '      B: { duration: empirical(data/bad-durations.csv) }',
      '    instances: [ { machine: box } ]',
      'senders: { S: { machine: box, sends: [ { message: A, to: E, arrivals: poisson(1/s) } ] } }',
      'strategies: { rr: { kind: round-robin } }',
    ].join('\n');
    const result = loadScenarioText(text, `${FIXTURES}/inline.yaml`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem);
    expect(lines.filter((l) => l.includes('bad-durations.csv:3:1'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('has 3 problems'))).toHaveLength(2);
  });

  it('parses the CSV format: header, blank lines, units, bare milliseconds, quotes', () => {
    expect(parseEmpiricalData('ms\n\n1\n"2"\n3s\n\n', 'd.csv')).toEqual({ samples: [1, 2, 3000], lineProblems: [] });
    // Without a header, the first line is data.
    expect(parseEmpiricalData('0.5\n1e2\n', 'd.csv')).toEqual({ samples: [0.5, 100], lineProblems: [] });
    // Only the first line may be a header.
    expect(parseEmpiricalData('ms\n10\nms\n', 'd.csv').lineProblems).toEqual([
      { file: 'd.csv', line: 3, col: 1, path: '', message: 'must be a duration such as 200ms or a number of milliseconds, got "ms"' },
    ]);
    expect(parseEmpiricalData('header only\n', 'd.csv')).toEqual({
      samples: [],
      lineProblems: [{ file: 'd.csv', line: 1, col: 1, path: '', message: 'has no durations; write one per line, e.g. 200ms or 200 (milliseconds)' }],
    });
    // Two columns are not one duration.
    expect(parseEmpiricalData('1,2\n', 'd.csv').lineProblems.map((p) => p.message)).toEqual(['unknown unit ",2" in "1,2"; use ms, s, m or h']);
  });
});
