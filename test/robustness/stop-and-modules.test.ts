// Runs whose stop count can no longer be reached end and say why; the memory of a run does not grow
// with the square of the machine count; a custom strategy module's misbehaviour is the module's
// problem (exit 2), on one thread and on worker threads alike.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/metrics/run.js';
import { buildWorld } from '../../sim/model/build/build-world.js';
import { CustomStrategyError, loadCustomStrategy } from '../../sim/model/strategies/custom-strategy.js';
import { loadScenarioText } from '../../sim/scenario/index.js';
import { sim, tempDir } from '../cli/run-cli.js';
import { BASE, changed } from '../scenario/base-scenario.js';

function load(text: string, file = 'scenarios/base.yaml') {
  const loaded = loadScenarioText(text, file);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded;
}

describe('stop conditions that can no longer be reached', () => {
  it("a crash of the sender's machine with no duration ends the run, and the result says why", async () => {
    const scenario = load(changed('messages: 100 }', 'messages: 1000000 }') + 'faults:\n  - { kind: crash, machine: client, at: 10s }\n').scenario;
    const result = await runScenario(scenario);
    const run = result.runs[0];
    expect(run.stopReason).toMatch(/^sending stopped at 10\.\d+ s after \d+ of 1000000 messages: no sender can send any more \(the last: Sender, its machine client crashed for good\)$/);
    expect(run.summary.sent).toBeLessThan(200);
  });

  it('a crash with a duration does not: the sender sends again after the restart and reaches its count', async () => {
    const scenario = load(changed('messages: 100 }', 'messages: 200 }') + 'faults:\n  - { kind: crash, machine: client, at: 10s, duration: 5s }\n').scenario;
    const run = (await runScenario(scenario)).runs[0];
    expect(run.stopReason).toBeUndefined();
    expect(run.summary.sent).toBe(200);
  });

  it('arrivals that end before the count (a piecewise rate falling to 0) end the run too', async () => {
    const scenario = load(changed('poisson(8/s)', '"piecewise(0s=8/s, 5s=0/s)"').replace('messages: 100 }', 'messages: 100000 }')).scenario;
    const run = (await runScenario(scenario)).runs[0];
    expect(run.stopReason).toMatch(/its arrivals ended/);
  });
});

describe('memory linear in the machine count', () => {
  it('about 10,000 unused machines: the outgoing-queue index holds only the pairs in use', () => {
    const machines = Array.from({ length: 9_990 }, (_, i) => `  spare${i}: {}`).join('\n');
    const scenario = load(changed('  client: {}', `  client: {}\n${machines}`)).scenario;
    const used = (): number => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers + m.external;
    };
    const before = used();
    const world = buildWorld(scenario, scenario.strategies[0], { sent() {}, completed() {}, lost() {}, failed() {}, replied() {}, warmupEnded() {}, sendingStopped() {}, sample() {} } as never);
    world.run();
    expect(world.machines).toHaveLength(9_992);
    expect(world.outgoingIndex.size).toBeLessThanOrEqual(4);
    // A machines x machines index of 32-bit numbers would be 400 MB here.
    expect(used() - before).toBeLessThan(100 * 1024 * 1024);
  });
});

const MODULES: Record<string, string> = {
  'throw null': 'export default () => { throw null; };',
  'throw a string': "export default () => { throw 'no'; };",
  'return -1': 'export default () => -1;',
  'return 1n': 'export default () => 1n;',
  'return a circular object': 'export default () => { const o = {}; o.self = o; return o; };',
  'return an object whose getter throws': "export default () => ({ get name() { throw new Error('getter'); } });",
};

describe('custom strategy modules', () => {
  const dir = tempDir();
  const scenarioFor = (module: string): string => {
    const file = path.join(dir, `${module}.yaml`);
    writeFileSync(file, BASE.replace('  distributor: { kind: distributor, machine: worker1 }', `  mine: { kind: custom, module: ${module}.js }`));
    return file;
  };

  it.each(Object.keys(MODULES))('%s: a CustomStrategyError naming the strategy, not a crash', async (label) => {
    const name = label.replace(/\W+/g, '-');
    writeFileSync(path.join(dir, `${name}.js`), MODULES[label]);
    const file = scenarioFor(name);
    const loaded = load(readText(file), file);
    const error = await runScenario(loaded.scenario).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CustomStrategyError);
    expect((error as Error).message).toMatch(/^strategy mine: the custom module (threw|must return)/);
  });

  it('a module with a syntax error cannot be loaded: CustomStrategyError', async () => {
    writeFileSync(path.join(dir, 'broken.js'), 'export default (=> 1;');
    await expect(loadCustomStrategy(path.join(dir, 'broken.js'), 'strategy mine')).rejects.toThrow(CustomStrategyError);
  });

  it('on the command line: exit 2, on one thread and on worker threads alike; process.exit(0) in a module is not a success', () => {
    writeFileSync(path.join(dir, 'thrower.js'), MODULES['throw null']);
    writeFileSync(path.join(dir, 'exiter.js'), 'export default () => process.exit(0);');
    const single = sim('run', scenarioFor('thrower'), '--out', path.join(dir, 'o1'), '--no-svg', '--no-png', '--no-html');
    expect(single.code).toBe(2);
    expect(single.stderr).toBe('sim: strategy mine: the custom module threw: null\n');
    const replicated = path.join(dir, 'thrower-replicated.yaml');
    writeFileSync(replicated, `${readText(scenarioFor('thrower'))}replications: 2\n`);
    const threads = sim('run', replicated, '--out', path.join(dir, 'o2'), '--workers', '2', '--no-svg', '--no-png', '--no-html');
    expect(threads.code).toBe(2);
    expect(threads.stderr).toContain('sim: strategy mine: the custom module threw: null\n');
    const exiting = sim('run', scenarioFor('exiter'), '--out', path.join(dir, 'o3'), '--no-svg', '--no-png', '--no-html');
    expect(exiting.code).toBe(2);
    expect(exiting.stderr).toMatch(/ended during the run before its report was written/);
  });
});

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
