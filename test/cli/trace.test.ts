// `sim trace` end to end through the built binary: the story of the first messages, the Mermaid
// diagram, and bad flags (exit 2, one line, nothing written).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, tempDir } from './run-cli.js';

const SAMPLE = 'scenarios/scale-out-sample.yaml';

describe('sim trace', () => {
  it('tells the story of the first 3 messages of the first strategy', () => {
    const result = sim('trace', SAMPLE, '--messages', '3');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('sim trace scenarios/scale-out-sample.yaml — strategy distributor (seed 1): the first 3 messages');
    for (const sentence of [
      '  0.0000 s  worker1 starts (session 1) and tells the distributor it has 1 free slot.',
      // Both workers' "worker starting" messages reach the server at once; each one's session has its
      // accept queued at once (before the control receive), so the first registration is at 5.5 ms.
      '  0.0055 s  The distributor on server registers 1 free slot for worker1, session 1; free slots now: worker1.',
      "  0.1528 s  Sender sends PlaceOrder #0 to the distributor on server (queue Sales@server) through client's outgoing queue.",
      "  0.1573 s  The distributor on server takes worker1's free slot (session 1) and forwards PlaceOrder #0 to Sales@worker1; free slots left: worker2.",
      '  0.1588 s  worker1 receives PlaceOrder #0 from Sales@worker1 and runs the handler for 78.634 ms.',
      '  0.2404 s  worker1 completes PlaceOrder #0 (87.6 ms after it was sent), replies OrderPlaced to Sender and tells the distributor it is ready again.',
      '  0.2419 s  Sender receives OrderPlaced #0, the reply to PlaceOrder #0: 89.1 ms after sending it.',
    ]) {
      expect(lines).toContain(sentence);
    }
    expect(result.stdout).toContain('PlaceOrder #2');
    expect(result.stdout).not.toContain('PlaceOrder #3');
  });

  it('--strategy, --from: round-robin sends to a busy worker', () => {
    const result = sim('trace', SAMPLE, '--strategy', 'round-robin', '--from', '0.89s', '--messages', '3');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('sim trace scenarios/scale-out-sample.yaml — strategy round-robin (seed 1): the first 3 messages sent at or after 0.89s');
    expect(lines[1]).toBe("  0.8998 s  Sender sends PlaceOrder #5 to worker2 (round-robin counter 5) through client's outgoing queue.");
    expect(lines).toContain(
      '  0.9871 s  The queue manager on worker2 accepts PlaceOrder #7 from the network and stores it in Sales@worker2; worker2 is busy with PlaceOrder #5.',
    );
    expect(result.stdout).not.toMatch(/starts \(session/);
  });

  it('--variant and --seed are named in the heading', () => {
    const result = sim('trace', 'scenarios/short-vs-long-handlers.yaml', '--variant', '10ms', '--seed', '7', '--messages', '1');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('sim trace scenarios/short-vs-long-handlers.yaml — strategy distributor, variant 10ms (seed 7): the first message');
  });

  it('--mermaid writes the sequence diagram, and nothing else beside it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'story.mmd');
    const result = sim('trace', SAMPLE, '--messages', '2', '--mermaid', file);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(`wrote ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('sequenceDiagram\n')).toBe(true);
    expect(text).toContain('    Sender->>distributor_Sales_server: PlaceOrder #35;0\n');
    expect(text).toContain('    distributor_Sales_server->>worker1: PlaceOrder #35;0\n');
    expect(text).toContain('    worker1->>Sender: OrderPlaced #35;0\n');
    expect(text).not.toContain('PlaceOrder #35;2');
    expect(readdirSync(dir)).toEqual(['story.mmd']);
  });

  function expectCleanFailure(args: string[], stderr: string[]): void {
    const dir = tempDir();
    const file = path.join(dir, 'out', 'story.mmd');
    const result = sim('trace', ...args, '--mermaid', file);
    expect(result.stderr.trimEnd().split('\n')).toEqual(stderr);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }

  it('bad flags and files: exit 2, one line each, nothing written', () => {
    expectCleanFailure([SAMPLE, '--messages', '0'], ['sim: --messages must be a positive integer, got "0"']);
    expectCleanFailure([SAMPLE, '--messages', 'many'], ['sim: --messages must be a positive integer, got "many"']);
    expectCleanFailure([SAMPLE, '--from', '2'], ['sim: --from needs a unit, e.g. 2ms, got "2"']);
    expectCleanFailure([SAMPLE, '--from=-1s'], ['sim: --from must not be negative, got "-1s"']);
    expectCleanFailure([SAMPLE, '--seed', 'x'], ['sim: --seed must be a non-negative integer, got "x"']);
    expectCleanFailure(
      [SAMPLE, '--strategy', 'fair'],
      ['sim: --strategy "fair" is not a strategy of this scenario; it has distributor, round-robin, random, shared-queue'],
    );
    expectCleanFailure([SAMPLE, '--strategy', 'random', '--strategy', 'fair'], ['sim: --strategy takes one name in sim trace, got 2: "random", "fair"']);
    expectCleanFailure([SAMPLE, '--variant', '10ms'], ['sim: --variant "10ms" is not a variant of this scenario; it has no variants']);
    expectCleanFailure(['test/fixtures/cli/nope.yaml'], [`test/fixtures/cli/nope.yaml:1:1: cannot read file: no such file in ${path.resolve('test/fixtures/cli')}`]);
    expectCleanFailure([SAMPLE, '--mesages', '3'], ['sim: Unknown argument: mesages', "run 'sim --help' for usage"]);
  });
});
