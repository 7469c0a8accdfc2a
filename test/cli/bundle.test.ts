// The bundled CLI (dist/bundle/, bin/bundle-cli.js) is the compiled one in fewer files: it prints
// the same and writes the same bytes, finds what sits beside its modules (package.json, the worker
// threads' entries, the playground's sources), and bin/sim.js passes over a bundle older than dist/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './run-cli.js';

const node = (entry: string, ...args: string[]) => spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', env: { ...process.env, SIM_DEBUG: '' } });
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function filesOf(folder: string): Map<string, string> {
  return new Map(readdirSync(folder).filter((name) => name !== '.sim-report').map((name) => [name, readFileSync(path.join(folder, name), 'latin1')]));
}

describe('the bundled CLI', () => {
  it('is built, in a handful of files', () => {
    expect(existsSync('dist/bundle/main.js')).toBe(true);
    expect(readdirSync('dist/bundle').length).toBeLessThan(60);
  });

  it('prints the same help, version and scenario errors as the compiled CLI', () => {
    for (const args of [['--help'], ['--version'], ['run', 'scenarios/no-such.yaml'], ['run', '--help']]) {
      const bundled = node('dist/bundle/main.js', ...args);
      const compiled = node('dist/cli/main.js', ...args);
      expect(bundled.status, args.join(' ')).toBe(compiled.status);
      expect(bundled.stdout, args.join(' ')).toBe(compiled.stdout);
      expect(bundled.stderr, args.join(' ')).toBe(compiled.stderr);
    }
    expect(node('dist/bundle/main.js', '--version').stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('writes the same report, with charts drawn on worker threads and strategies on two threads', () => {
    const [a, b] = [tempDir(), tempDir()];
    folders.push(a, b);
    const args = ['scenarios/theory-check.yaml', '--set', 'stop.messages=3000', '--set', 'warmup.messages=300', '--workers', '2'];
    const bundled = node('dist/bundle/main.js', 'run', ...args, '--out', path.join(a, 'r'));
    const compiled = node('dist/cli/main.js', 'run', ...args, '--out', path.join(b, 'r'));
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    expect(compiled.status).toBe(0);
    const [x, y] = [filesOf(path.join(a, 'r')), filesOf(path.join(b, 'r'))];
    expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
    expect(x.has('latency.png')).toBe(true);
    for (const [name, bytes] of x) expect(bytes === y.get(name), name).toBe(true);
  }, 120_000);

  it('is run by bin/sim.js when it is as new as the compiled files, and passed over when older', () => {
    // A copy of bin/sim.js beside two stand-in entries that say which one ran.
    const root = tempDir();
    folders.push(root);
    for (const dir of ['bin', 'dist/cli', 'dist/bundle']) mkdirSync(path.join(root, dir), { recursive: true });
    copyFileSync('bin/sim.js', path.join(root, 'bin/sim.js'));
    writeFileSync(path.join(root, 'dist/cli/main.js'), "process.stdout.write('compiled');\n");
    const bundle = path.join(root, 'dist/bundle/main.js');
    writeFileSync(bundle, "process.stdout.write('bundled');\n");
    const compiledAt = statSync(path.join(root, 'dist/cli/main.js')).mtime;
    const at = (offset: number) => new Date(compiledAt.getTime() + offset);
    utimesSync(bundle, at(1000), at(1000));
    expect(node(path.join(root, 'bin/sim.js')).stdout).toBe('bundled');
    utimesSync(bundle, at(-60_000), at(-60_000));
    expect(node(path.join(root, 'bin/sim.js')).stdout).toBe('compiled');
    rmSync(bundle);
    expect(node(path.join(root, 'bin/sim.js')).stdout).toBe('compiled');
  });
});
