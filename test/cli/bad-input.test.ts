// Bad scenarios and bad flags: exit 2, one line per problem (file:line:col: path message), no stack
// trace, and nothing written.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, tempDir } from './run-cli.js';

function expectCleanFailure(args: string[], expectedStderr: string[]): void {
  const parent = tempDir();
  const out = path.join(parent, 'out');
  const result = sim(...args, '--out', out);
  expect(result.stderr.trimEnd().split('\n')).toEqual(expectedStderr);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(parent)).toEqual([]); // no temp folder left behind either
}

describe('bad input', () => {
  it('reports every problem of a scenario, in line order', () => {
    const f = 'test/fixtures/cli/many-problems.yaml';
    expectCleanFailure(
      ['run', f],
      [
        `${f}:4:25: transport.operation unknown unit "sec" in "1sec"; use ms, s, m or h`,
        `${f}:11:31: endpoints.Sales.handlers.PlaceOrder.duration unknown distribution "exponentail"; use one of constant, exponential, uniform, erlang, lognormal, empirical; did you mean "exponential"?`,
        `${f}:13:29: endpoints.Sales.instances[0] unknown key "thread"; did you mean "threads"?`,
        `${f}:14:20: endpoints.Sales.instances[1].machine unknown machine "worker3"; did you mean "worker1"?`,
        `${f}:14:38: endpoints.Sales.instances[1].threads must be >= 1, got 0`,
        `${f}:15:38: endpoints.Sales.instances[2].threads must be a positive integer, got "two" (string)`,
        `${f}:20:20: senders.Sender.sends[0].message endpoint Sales has no handler for "PlaceOrdr"; did you mean "PlaceOrder"?`,
        `${f}:20:52: senders.Sender.sends[0].arrivals poisson rate: must be > 0, got "-8/s"`,
        `${f}:22:14: strategies.d.kind must be one of distributor, round-robin, random, shared-queue, fair, custom, two-choices, broker, got "distributer" (string); did you mean "distributor"?`,
        `${f}:22:36: strategies.d.machine unknown machine "server"; the machines are client, worker1`,
      ],
    );
  });

  it('a missing file', () => {
    expectCleanFailure(['run', 'test/fixtures/cli/nope.yaml'], [`test/fixtures/cli/nope.yaml:1:1: cannot read file: no such file in ${path.resolve('test/fixtures/cli')}`]);
  });

  it('an empty file', () => {
    expectCleanFailure(['run', 'test/fixtures/cli/empty.yaml'], ['test/fixtures/cli/empty.yaml:1:1: file is empty']);
  });

  it('a binary file', () => {
    expectCleanFailure(['run', 'test/fixtures/cli/binary.yaml'], ['test/fixtures/cli/binary.yaml:1:1: is not a text file (binary content)']);
  });

  it('an unknown flag', () => {
    expectCleanFailure(['run', 'scenarios/scale-out-sample.yaml', '--sed', '3'], ['sim: Unknown argument: sed', "run 'sim --help' for usage"]);
  });

  it('a bad --seed', () => {
    expectCleanFailure(['run', 'scenarios/scale-out-sample.yaml', '--seed', 'abc'], ['sim: --seed must be a non-negative integer, got "abc"']);
  });

  it('an unknown --strategy', () => {
    expectCleanFailure(
      ['run', 'scenarios/scale-out-sample.yaml', '--strategy', 'fair'],
      ['sim: --strategy "fair" is not a strategy of this scenario; it has distributor, round-robin, random, shared-queue'],
    );
  });

  it('no command', () => {
    const result = sim();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sim: name a command: run, trace, schema, playground, merge or worker');
  });
});
