// Writes one file completely or not at all: into a temp file beside it, then renamed over it (one
// file system, so the rename is atomic). A failure leaves no temp file and the old file untouched.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
// The output folder alone (no other file of the reports layer), so that start-up stays light.
import { makeFolders } from '../reports/output-dir.js';

export function writeFileAtomically(file: string, content: string): void {
  const target = resolve(file);
  makeFolders(dirname(target));
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
