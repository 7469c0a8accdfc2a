// Absurd but valid values: each is rejected by the loader naming the field, the value, the limit and
// why; and a fuzz-style property: any scenario text either loads or gives problems, never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../sim/scenario/index.js';
import { BASE, changed } from '../scenario/base-scenario.js';

function problemsOf(text: string): string[] {
  const loaded = loadScenarioText(text, 'scenarios/base.yaml');
  return loaded.ok ? [] : loaded.problems.map((p) => `${p.path} ${p.message}`);
}

const withFaults = (fault: string): string => `${BASE}faults:\n  - ${fault}\n`;

describe('limits', () => {
  it.each([
    ['threads 1e9', changed('threads: 1 }', 'threads: 1000000000 }'), /instances\[0\]\.threads must be <= 10000, got 1000000000 \(the limit: /],
    ['threads 2^70', changed('threads: 1 }', 'threads: 1180591620717411303424 }'), /threads must be <= 10000, got 1\.18\d*e\+21/],
    ['capacity 1e9', changed('threads: 1 }', 'threads: 1, capacity: 1000000000 }'), /capacity must be <= 1000000, got 1000000000 \(the limit: a distributor holds/],
    ['concurrency 1e9', changed('machine: worker1 }', 'machine: worker1, concurrency: 1000000000 }'), /concurrency must be <= 10000/],
    ['replications 1e9', `${BASE}replications: 1000000000\n`, /replications must be <= 1000, got 1000000000/],
    ['bursts size 1e9', changed('poisson(8/s)', '"bursts(poisson=2/s, every=10m, size=1000000000)"'), /arrivals bursts size 1,000,000,000 is more than the limit of 1,000,000: a burst/],
    ['erlang k 1e9', changed('exponential(200ms)', '"erlang(1000000000, 200ms)"'), /duration erlang k 1,000,000,000 is more than the limit of 1,000: /],
    ['poisson 1e300/s', changed('poisson(8/s)', 'poisson(1e300/s)'), /senders the arrival rate .* 1e\+300 is more than the limit of 1,000,000: /],
    ['interval 1e-320ms', `${BASE}timeseries: { interval: 1e-320ms }\n`, /timeseries\.interval interval 1e-320 ms is less than the limit of 0\.001 ms/],
    ['mttf 1e-320ms', withFaults('{ kind: crash, machine: worker1, mttf: 1e-320ms, mttr: 1s }'), /faults\[0\]\.mttf mttf 1e-320 ms is less than the limit of 1 ms/],
    ['mttr 1e-320ms', withFaults('{ kind: crash, machine: worker1, mttf: 1s, mttr: 1e-320ms }'), /faults\[0\]\.mttr mttr 1e-320 ms is less than the limit/],
    ['switchEvery 1e-320ms', withFaults('{ kind: duplicate-qmid, machines: [client, worker1], at: 0s, switchEvery: 1e-320ms }'), /switchEvery 1e-320 ms is less than the limit/],
    ['stop messages 1e12', changed('messages: 100 }', 'messages: 1000000000000 }'), /stop\.messages must be <= 100000000/],
    ['stop duration giving 2.9e9 messages', changed('stop: { messages: 100 }', 'stop: { duration: 100000h }'), /stop\.duration the messages .* 2,880,000,000 is more than the limit of 100,000,000/],
    ['seed past 2^53', `seed: 1e300\n${BASE}`, /seed must be <= 9007199254740991, got 1e\+300/],
    ['1,000 variants', `${BASE}variants:\n${Array.from({ length: 1000 }, (_, i) => `  v${i}: {}`).join('\n')}\n`, /variants has 1000 entries, more than the limit of 100: /],
    ['10,001 machines', changed('  client: {}', Array.from({ length: 10_001 }, (_, i) => `  m${i}: {}`).join('\n') + '\n  client: {}'), /machines has 10003 entries, more than the limit of 10000/],
    ['10,001 sweep points x strategies', `${BASE}replications: 1000\nsweep:\n  "endpoints.Sales.instances[0].threads": { from: 1, to: 101 }\n`, /runs in all .* 101,000 is more than the limit of 100,000/],
  ])('%s: rejected with the field, the value, the limit and why', (_, text, expected) => {
    const problems = problemsOf(text);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('a second YAML document is rejected', () => {
    expect(problemsOf(`${BASE}---\nname: other\n`).join('\n')).toMatch(/has 2 YAML documents/);
  });
});

// Values of the kinds a hostile input tries: huge, tiny, negative, non-numbers, odd strings.
const hostileScalar = fc.oneof(
  fc.constantFrom('1e9', '1e300', '-1', '0', '1e-320ms', '1e-320', '2m', 'NaN', '.inf', '-.inf', '~', '""', "'..'", '"\\0"', '[]', '{}', '1n', '0x10', '2^70'),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('poisson(1e300/s)', '"erlang(1e9, 1ms)"', '"bursts(poisson=1/s, every=1e-320ms, size=1e9)"', 'constant(0/s)', 'exponential(-1ms)', 'empirical(/dev/zero)', 'trace(/dev/urandom)'),
);

describe('loader property', () => {
  it('any value at any line of a valid scenario either loads or gives problems, never throws', () => {
    const lines = BASE.split('\n');
    fc.assert(
      fc.property(fc.nat(lines.length - 1), hostileScalar, fc.boolean(), (line, value, replaceWhole) => {
        const copy = [...lines];
        // Replace the value after the last ": " of the line, or the whole line.
        const at = copy[line].lastIndexOf(': ');
        copy[line] = replaceWhole || at < 0 ? `${copy[line].match(/^\s*/)?.[0] ?? ''}x: ${value}` : `${copy[line].slice(0, at + 2)}${value}${copy[line].trimEnd().endsWith('}') ? ' }' : ''}`;
        const loaded = loadScenarioText(copy.join('\n'), 'scenarios/base.yaml');
        if (loaded.ok) return;
        expect(loaded.problems.length).toBeGreaterThan(0);
        for (const p of loaded.problems) expect(typeof p.message).toBe('string');
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('arbitrary text either loads or gives problems, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const loaded = loadScenarioText(text, 'x.yaml');
        expect(loaded.ok || loaded.problems.length > 0).toBe(true);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
