// All-or-nothing report output. Files are written into a hidden temp folder next to the target; on
// commit the temp folder replaces the target as a whole (the old folder is renamed aside, the new one
// renamed in, the old one removed), so the target is afterwards exactly the new report or exactly what
// it was. The temp folder is a sibling (not under /tmp) so rename() stays on one file system.
//
// Only a folder that is empty or that sim wrote (it holds the MARKER file) is ever replaced: a folder
// with anything else in it is refused before the run starts. Temp and aside folders of a process that
// no longer exists (a kill -9) are removed by the next output begun in the same place.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The file that marks a folder as a report sim wrote (and may replace). */
export const MARKER = '.sim-report';

/** The output place cannot be used (not ours, not a folder, not writable): the user's input, exit 2. */
export class OutputError extends Error {}

export interface Output {
  /** The folder the files land in on commit. */
  readonly dir: string;
  /** Where a streaming writer should create file `name`; it is moved into `dir` on commit. */
  tempPath(name: string): string;
  write(name: string, content: string | Buffer): void;
  /** Replaces `dir` as a whole with the temp folder (two renames), then removes the old folder. */
  commit(): void;
  /** Removes the temp folder and everything in it. A no-op after commit or a previous abort. */
  abort(): void;
}

/** Distinguishes the temp folders of several outputs begun by one process. */
let sequence = 0;
/** Outputs begun and neither committed nor aborted: what abortOpenOutputs() removes on a signal. */
const open = new Set<Output>();

/** Removes the temp folders of every open output (on SIGINT/SIGTERM, before the process exits). */
export function abortOpenOutputs(): void {
  for (const output of [...open]) output.abort();
}

/**
 * Checks that `dir` can take a report, and says why not as an OutputError: it must be a folder (or not
 * exist yet, under a parent that is a folder or can be made one), and be empty or marked as sim's.
 */
export function checkOutputPlace(dir: string): void {
  if (dir.trim() === '') throw new OutputError('the output folder is empty: name a folder, e.g. --out reports/my-run');
  const target = resolve(dir);
  const stat = statOf(target);
  if (stat !== undefined) {
    if (!stat.isDirectory()) throw new OutputError(`${dir} exists and is not a folder: name a new or empty folder, e.g. --out reports/my-run`);
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new OutputError(
        `${dir} already holds files that sim did not write (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}): sim only replaces an empty folder or a report of its own; name a new or empty folder, e.g. --out reports/my-run`,
      );
    }
    return;
  }
  // Walk up to the first part of the path that exists: it must be a folder.
  const parent = existingAncestor(target);
  if (!statOf(parent)?.isDirectory()) throw new OutputError(`${dir} is under ${parent}, which is a file, not a folder`);
}

/** The file or folder's status, or undefined when there is none (also under a file: ENOTDIR). */
function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The nearest part of `path` (itself or a parent) that exists. */
export function existingAncestor(path: string): string {
  let at = resolve(path);
  while (statOf(at) === undefined && dirname(at) !== at) at = dirname(at);
  return at;
}

/**
 * mkdir -p, one level at a time (mkdirSync's own recursive mode can spin for ever on file systems
 * such as /proc that refuse a new folder with ENOENT).
 */
export function makeFolders(dir: string): void {
  const target = resolve(dir);
  const missing: string[] = [];
  for (let at = target; statOf(at) === undefined && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const folder of missing) mkdirSync(folder);
}

export function beginOutput(dir: string): Output {
  checkOutputPlace(dir);
  const target = resolve(dir);
  const parent = dirname(target);
  const base = basename(target);
  let temp: string;
  try {
    makeFolders(parent);
    removeLeftovers(parent, base);
    temp = createTempFolder(parent, base);
    writeFileSync(join(temp, MARKER), 'This folder is a report written by sim; sim may replace it as a whole.\n');
  } catch (error) {
    throw new OutputError(`cannot write the report to ${dir}: ${whyNot(error, parent)}`);
  }
  let state: 'open' | 'committed' | 'aborted' = 'open';

  const pathFor = (name: string): string => {
    if (state !== 'open') throw new Error(`Output for ${dir} is already ${state}; cannot add ${name}`);
    checkName(name);
    return join(temp, name);
  };

  const output: Output = {
    dir,
    tempPath: pathFor,
    write(name, content) {
      writeFileSync(pathFor(name), content);
    },
    commit() {
      if (state !== 'open') throw new Error(`Output for ${dir} is already ${state}`);
      checkOutputPlace(dir); // the folder may have changed during the run
      const aside = join(parent, `.${base}.old-${process.pid}-${sequence++}`);
      const hadTarget = existsSync(target);
      if (hadTarget) renameSync(target, aside);
      try {
        renameSync(temp, target);
      } catch (error) {
        if (hadTarget) renameSync(aside, target);
        throw error;
      }
      state = 'committed';
      open.delete(output);
      if (hadTarget) rmSync(aside, { recursive: true, force: true });
    },
    abort() {
      if (state !== 'open') return;
      state = 'aborted';
      open.delete(output);
      rmSync(temp, { recursive: true, force: true });
    },
  };
  open.add(output);
  return output;
}

function createTempFolder(parent: string, base: string): string {
  // A folder left by a crashed process with the same pid is skipped, never reused.
  for (;;) {
    const candidate = join(parent, `.${base}.tmp-${process.pid}-${sequence++}`);
    try {
      mkdirSync(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Temp and aside folders for `base` whose process is gone (killed with SIGKILL) are removed. */
function removeLeftovers(parent: string, base: string): void {
  const prefix = `.${base}.`;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(?:tmp|old)-(\d+)-\d+$/.exec(name.slice(prefix.length));
    if (match === null || processAlive(Number(match[1]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Report files are flat: a name with a path in it would escape the temp folder or the target. */
function checkName(name: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\]/.test(name) || name.includes('\0')) {
    throw new Error(`Expected a plain file name for a report file, got ${JSON.stringify(name)}`);
  }
}

/** Why a folder could not be made or written, in plain words (the system's message otherwise). */
function whyNot(error: unknown, parent: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `no permission to write in ${parent} (${code})`;
  if (code === 'EROFS') return `${parent} is on a read-only file system (EROFS)`;
  if (code === 'ENOSPC') return `no space left in ${parent} (ENOSPC)`;
  if (code === 'ENOENT') return `no folder can be made in ${parent} (ENOENT)`;
  return (error as Error).message;
}
