// Files written completely or not at all: into a temp file beside the target, flushed to disk, then
// renamed over it (one file system, so the rename is atomic). A killed process leaves at most a temp
// file, never a truncated target.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Writes the lines (each followed by a newline) to `file` atomically; the lines may be produced lazily. */
export function writeLinesAtomically(file: string, lines: Iterable<string>): void {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w');
    for (const line of lines) writeSync(fd, `${line}\n`);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}
