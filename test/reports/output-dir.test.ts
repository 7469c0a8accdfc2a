import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beginOutput } from '../../sim/reports/index.js';

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
    expect(readdirSync(dir).sort()).toEqual(['chart.svg', 'messages.csv', 'summary.csv']);
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('a,b\n');
    expect(readFileSync(join(dir, 'messages.csv'), 'utf8')).toBe('streamed\n');
    expect(readdirSync(join(root, 'reports'))).toEqual(['sample']);
  });

  it('replaces same-named files and leaves other files in the target alone', () => {
    const dir = join(root, 'sample');
    mkdirSync(dir);
    writeFileSync(join(dir, 'summary.csv'), 'old\n');
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');

    const output = beginOutput(dir);
    output.write('summary.csv', 'new\n');
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('old\n');
    output.commit();

    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'summary.csv']);
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
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
    expect(readdirSync(dir)).toEqual(['a.csv']);
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
