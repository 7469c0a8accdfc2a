import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { beginOutput, MARKER, OutputError } from '../../sim/reports/index.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'output-dir-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('beginOutput', () => {
  it('shows nothing in the target before commit, everything after, and cleans up its temp folder', () => {
    const dir = join(root, 'reports', 'sample');
    const output = beginOutput(dir);
    output.write('summary.csv', 'a,b\n');
    output.write('chart.svg', Buffer.from('<svg/>'));
    writeFileSync(output.tempPath('messages.csv'), 'streamed\n');

    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(join(root, 'reports'))).toEqual([expect.stringMatching(/^\.sample\.tmp-\d+-\d+$/)]);

    output.commit();
    expect(readdirSync(dir).sort()).toEqual([MARKER, 'chart.svg', 'messages.csv', 'summary.csv']);
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('a,b\n');
    expect(readFileSync(join(dir, 'messages.csv'), 'utf8')).toBe('streamed\n');
    expect(readdirSync(join(root, 'reports'))).toEqual(['sample']);
  });

  it('replaces a report of its own as a whole: no file of the earlier run survives', () => {
    const dir = join(root, 'sample');
    const first = beginOutput(dir);
    first.write('summary.csv', 'old\n');
    first.write('faults.csv', 'old faults\n');
    first.commit();

    const output = beginOutput(dir);
    output.write('summary.csv', 'new\n');
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('old\n');
    output.commit();

    expect(readdirSync(dir).sort()).toEqual([MARKER, 'summary.csv']);
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('new\n');
    expect(readdirSync(root)).toEqual(['sample']);
  });

  it('refuses a folder with files it did not write, and places that are not folders, before anything is written', () => {
    const dir = join(root, 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    expect(() => beginOutput(dir)).toThrow(OutputError);
    expect(() => beginOutput(dir)).toThrow(/already holds files that sim did not write .*name a new or empty folder/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(() => beginOutput(join(dir, 'notes.txt'))).toThrow(/exists and is not a folder/);
    expect(() => beginOutput(join(dir, 'notes.txt', 'x'))).toThrow(/which is a file, not a folder/);
    expect(() => beginOutput('')).toThrow(/the output folder is empty/);
    expect(() => beginOutput('/proc/sim-test/x')).toThrow(OutputError);
    expect(readdirSync(root)).toEqual(['mine']);
  });

  it('an empty folder is taken', () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    const output = beginOutput(dir);
    output.write('a.csv', '1\n');
    output.commit();
    expect(readdirSync(dir).sort()).toEqual([MARKER, 'a.csv']);
  });

  it('the temp folder of a killed process is removed by the next output in the same place', () => {
    // A pid that is certainly gone: a child that has exited.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const left = join(root, `.sample.tmp-${gone}-0`);
    mkdirSync(left);
    writeFileSync(join(left, 'summary.csv'), 'half\n');
    const output = beginOutput(join(root, 'sample'));
    expect(existsSync(left)).toBe(false);
    output.abort();
    expect(readdirSync(root)).toEqual([]);
  });

  it('abort leaves no trace', () => {
    const dir = join(root, 'sample');
    const output = beginOutput(dir);
    output.write('summary.csv', 'x\n');
    writeFileSync(output.tempPath('messages.csv'), 'y\n');
    output.abort();
    expect(readdirSync(root)).toEqual([]);
    output.abort(); // a second abort (e.g. in a finally) is harmless
  });

  it('abort after commit does not undo it; writes after commit are refused', () => {
    const dir = join(root, 'sample');
    const output = beginOutput(dir);
    output.write('a.csv', '1\n');
    output.commit();
    output.abort();
    expect(readdirSync(dir).sort()).toEqual([MARKER, 'a.csv']);
    expect(() => output.write('b.csv', '2\n')).toThrow(/already committed/);
    expect(() => output.commit()).toThrow(/already committed/);
  });

  it('two outputs for the same target get separate temp folders', () => {
    const dir = join(root, 'sample');
    const first = beginOutput(dir);
    const second = beginOutput(dir);
    expect(first.tempPath('x')).not.toBe(second.tempPath('x'));
    first.abort();
    second.abort();
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses file names with a path in them', () => {
    const output = beginOutput(join(root, 'sample'));
    expect(() => output.write('../escape.csv', 'x')).toThrow('Expected a plain file name for a report file, got "../escape.csv"');
    expect(() => output.tempPath('')).toThrow(/plain file name/);
    output.abort();
    expect(readdirSync(root)).toEqual([]);
  });
});
