// Where a command writes, checked before anything is simulated: the default report folder made from
// the scenario's name (always a single safe folder name under reports/), and the file of
// `trace --mermaid FILE`.
import { rmSync, statSync, writeFileSync } from 'node:fs';
// The output folder alone (no other file of the reports layer), so that start-up stays light.
import { existingAncestor } from '../reports/output-dir.js';
import path from 'node:path';
import { UsageError } from './exit-codes.js';

/** The longest folder name made from a scenario name (bytes; file systems allow 255). */
const MAX_NAME_BYTES = 100;

/**
 * A scenario name as one folder name: path separators, NUL and control characters become `_`, a name
 * of dots only (`.`, `..`) gets a leading `_`, and a long name is cut to MAX_NAME_BYTES bytes.
 */
export function safeFolderName(name: string): string {
  // eslint-disable-next-line no-control-regex
  let safe = name.replace(/[/\\\u0000-\u001f\u007f]/g, '_').trim();
  if (safe === '') safe = 'scenario';
  if (/^\.+$/.test(safe)) safe = `_${safe}`;
  while (Buffer.byteLength(safe) > MAX_NAME_BYTES) safe = [...safe].slice(0, -1).join('');
  return safe;
}

export function defaultOutDir(name: string): string {
  return path.join('reports', safeFolderName(name));
}

/**
 * `--mermaid FILE`: must be a regular file or not exist yet, under a folder that exists or can be
 * made. A probe file is written and removed in the nearest existing folder, so a place that cannot be
 * written (/proc/x) is refused now, not after the run.
 */
export function checkFileTarget(file: string, flag: string): void {
  const target = path.resolve(file);
  const stat = statOrUndefined(target);
  if (stat !== undefined && !stat.isFile()) throw new UsageError([`sim: ${flag} ${file} exists and is not a regular file`]);
  const ancestor = existingAncestor(path.dirname(target));
  if (!statOrUndefined(ancestor)?.isDirectory()) throw new UsageError([`sim: ${flag} ${file} is under ${ancestor}, which is a file, not a folder`]);
  const probe = path.join(ancestor, `.${path.basename(target)}.probe-${process.pid}`);
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe, { force: true });
  } catch (error) {
    throw new UsageError([`sim: ${flag} ${file}: cannot write in ${ancestor}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
