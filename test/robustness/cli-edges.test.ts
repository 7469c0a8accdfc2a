// The command line at its edges: usage errors, files that are not regular files, output places that
// cannot or must not be used, default folder names from hostile scenario names, and signals.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, tempDir } from '../cli/run-cli.js';

const SAMPLE = 'scenarios/scale-out-sample.yaml';
const QUICK = ['--no-svg', '--no-png', '--no-html'];

/** The sample, shortened, with `extra` appended and `name` set: a run of about a second. */
function scenarioFile(dir: string, extra = '', name = 'quick'): string {
  const text = readFileSync(SAMPLE, 'utf8').replace('name: scale-out-sample', `name: ${name}`).replace('messages: 20000', 'messages: 400').replace('messages: 1000', 'messages: 10');
  const file = path.join(dir, 'quick.yaml');
  writeFileSync(file, text + extra);
  return file;
}

describe('usage', () => {
  it('--version prints the version; usage errors have one sim: prefix', () => {
    const version = sim('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    const none = sim();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^sim: name a command/);
    expect(none.stderr).not.toContain('sim: sim:');
  });

  it('arguments after -- are rejected; --from -5m is a value', () => {
    const dashed = sim('schema', '--', 'x');
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toMatch(/^sim: arguments after -- are not accepted: "x"/);
    const from = sim('trace', SAMPLE, '--from', '-5m');
    expect(from.code).toBe(2);
    expect(from.stderr.trim()).toBe('sim: --from must not be negative, got "-5m"');
  });

  it.each([['run'], ['trace'], ['schema']])('--workers 0 and --workers x: exit 2 on %s', (command) => {
    for (const value of ['0', 'x']) {
      const args = command === 'schema' ? [command, '--workers', value] : [command, SAMPLE, '--workers', value, '--out', path.join(tempDir(), 'o')];
      const result = sim(...args);
      expect(result.code, `${command} --workers ${value}`).toBe(2);
      expect(result.stderr).toMatch(/^sim: /);
    }
  });
});

describe('run size and workers', () => {
  it('--workers 64 is capped at the cores, with a note, and the replications still run', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.yaml');
    writeFileSync(file, readFileSync(scenarioFile(dir), 'utf8') + 'replications: 2\n');
    const result = sim('run', file, '--out', path.join(dir, 'out'), '--workers', '64', '--strategy', 'round-robin', ...QUICK);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^sim: --workers 64 capped at \d+, the cores of this machine/);
    expect(result.stdout).toContain('= 2 runs');
  });

  it('a run of more than a million messages says its size before it starts', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.yaml');
    // 4 strategies x 300,000 messages; --strategy keeps one, so 1 run of 300,000 is not announced.
    writeFileSync(file, readFileSync(SAMPLE, 'utf8').replace('messages: 20000', 'messages: 300000'));
    // The first line of stderr is all this needs: the run is stopped as soon as it is there.
    const child = spawn(process.execPath, ['bin/sim.js', 'run', file, '--out', path.join(dir, 'o'), ...QUICK]);
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('\n')) child.kill('SIGKILL');
      });
      child.on('close', () => resolve());
    });
    expect(stderr).toMatch(/^sim: 4 runs, about 1,200,000 messages in all: this may take a while\n/);
  });
});

describe('files that are not regular files', () => {
  it.each([['/dev/zero'], ['/dev/urandom'], ['a directory'], ['-'], ['a FIFO']])('%s as the scenario: exit 2 at once', (which) => {
    const dir = tempDir();
    let file = which;
    if (which === 'a directory') file = dir;
    if (which === 'a FIFO') {
      file = path.join(dir, 'fifo');
      spawnSync('mkfifo', [file]);
    }
    const result = sim('run', file, '--out', path.join(dir, 'out'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a regular file');
  });

  it('/dev/zero as an empirical(...) or trace(...) file: exit 2 naming it', () => {
    const dir = tempDir();
    const text = readFileSync(SAMPLE, 'utf8').replace('exponential(200ms)', 'empirical(/dev/zero)').replace('poisson(8/s)', 'trace(/dev/urandom)');
    writeFileSync(path.join(dir, 's.yaml'), text);
    const result = sim('run', path.join(dir, 's.yaml'), '--out', path.join(dir, 'out'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/empirical data file "\/dev\/zero": not a regular file/);
    expect(result.stderr).toMatch(/"\/dev\/urandom": not a regular file/);
  });
});

describe('output places', () => {
  it.each([['.'], ['/'], ['a file'], ['under a file'], ['/proc/x'], ['empty'], ['a folder of other files']])('--out %s: exit 2 before simulating', (which) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'file.txt'), 'x');
    const places: Record<string, string> = { '.': '.', '/': '/', 'a file': path.join(dir, 'file.txt'), 'under a file': path.join(dir, 'file.txt', 'x'), '/proc/x': '/proc/x', empty: '', 'a folder of other files': dir };
    const started = Date.now();
    const result = sim('run', SAMPLE, '--out', places[which], ...QUICK);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^sim: /);
    expect(result.stderr).not.toContain('internal error');
    expect(readdirSync(dir)).toEqual(['file.txt']);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('trace --mermaid to a folder, under a file or an unwritable place: exit 2 before simulating', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'file.txt'), 'x');
    for (const place of [dir, path.join(dir, 'file.txt', 'x.mmd'), '/proc/x/y.mmd']) {
      const result = sim('trace', SAMPLE, '--mermaid', place);
      expect(result.code, place).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });

  it('a second run replaces the report as a whole: faults.csv of a run with faults does not survive one without', () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const withFault = scenarioFile(dir, 'faults:\n  - { kind: crash, machine: worker1, at: 5s, duration: 5s }\n');
    expect(sim('run', withFault, '--out', out, ...QUICK).code).toBe(0);
    expect(existsSync(path.join(out, 'faults.csv'))).toBe(true);
    const without = scenarioFile(dir);
    expect(sim('run', without, '--out', out, ...QUICK).code).toBe(0);
    expect(existsSync(path.join(out, 'faults.csv'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['out', 'quick.yaml']);
  });

  it.each([['..'], ['../../x'], ['a/b'], ['"tab\\there"'], ['"nul\\0here"'], ['x'.repeat(300)]])('a scenario named %s writes under reports/', (name) => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'scenarios'));
    const file = scenarioFile(path.join(dir, 'scenarios'), '', name);
    const result = spawnSync(process.execPath, [path.resolve('bin/sim.js'), 'run', file, ...QUICK], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['reports', 'scenarios']);
    const made = readdirSync(path.join(dir, 'reports'));
    expect(made).toHaveLength(1);
    expect(made[0]).not.toMatch(/[/\\\u0000-\u001f]|^\.+$/);
    expect(Buffer.byteLength(made[0])).toBeLessThanOrEqual(100);
  });
});

describe('signals', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: stops, removes the temp folder, says interrupted, exits %i', async (signal, code) => {
    const dir = tempDir();
    // A run long enough to be interrupted: many strategies' worth of messages.
    const file = path.join(dir, 'long.yaml');
    writeFileSync(file, readFileSync(SAMPLE, 'utf8').replace('messages: 20000', 'messages: 300000'));
    const child = spawn(process.execPath, ['bin/sim.js', 'run', file, '--out', path.join(dir, 'out'), ...QUICK]);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    // Wait for the temp folder: the run has begun.
    for (let i = 0; i < 600 && !readdirSync(dir).some((f) => f.startsWith('.out.tmp-')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(dir).some((f) => f.startsWith('.out.tmp-'))).toBe(true);
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(stderr).toContain('interrupted');
    expect(readdirSync(dir)).toEqual(['long.yaml']);
  });

  it('the leftovers of a SIGKILL are removed by the next run into the same place', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'long.yaml');
    writeFileSync(file, readFileSync(SAMPLE, 'utf8').replace('messages: 20000', 'messages: 300000'));
    const child = spawn(process.execPath, ['bin/sim.js', 'run', file, '--out', path.join(dir, 'out'), ...QUICK]);
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let i = 0; i < 600 && !readdirSync(dir).some((f) => f.startsWith('.out.tmp-')); i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await exited;
    expect(readdirSync(dir).some((f) => f.startsWith('.out.tmp-'))).toBe(true);
    expect(sim('run', scenarioFile(dir), '--out', path.join(dir, 'out'), ...QUICK).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['long.yaml', 'out', 'quick.yaml']);
  });
});
