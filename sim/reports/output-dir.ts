// All-or-nothing report output. Files are written into a hidden temp folder next to the target and
// renamed into it only on commit, so a failed or interrupted run never leaves a half-written report
// that looks like a finished one. The temp folder is a sibling (not under /tmp) so rename() stays on
// one file system and cannot fail with EXDEV.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface Output {
  /** The folder the files land in on commit. */
  readonly dir: string;
  /** Where a streaming writer should create file `name`; it is moved into `dir` on commit. */
  tempPath(name: string): string;
  write(name: string, content: string | Buffer): void;
  /**
   * Moves every file of the temp folder into `dir` (created if needed), replacing same-named files and
   * leaving all others alone, then removes the temp folder. The renames are one by one: a crash part way
   * through can leave a mix, but never a truncated file.
   */
  commit(): void;
  /** Removes the temp folder and everything in it. A no-op after commit or a previous abort. */
  abort(): void;
}

/** Distinguishes the temp folders of several outputs begun by one process. */
let sequence = 0;

export function beginOutput(dir: string): Output {
  const target = resolve(dir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temp = createTempFolder(parent, basename(target));
  let state: 'open' | 'committed' | 'aborted' = 'open';

  const pathFor = (name: string): string => {
    if (state !== 'open') throw new Error(`Output for ${dir} is already ${state}; cannot add ${name}`);
    checkName(name);
    return join(temp, name);
  };

  return {
    dir,
    tempPath: pathFor,
    write(name, content) {
      writeFileSync(pathFor(name), content);
    },
    commit() {
      if (state !== 'open') throw new Error(`Output for ${dir} is already ${state}`);
      mkdirSync(target, { recursive: true });
      // Sorted so the order of renames (and of any error) does not depend on the file system.
      for (const name of readdirSync(temp).sort()) renameSync(join(temp, name), join(target, name));
      rmSync(temp, { recursive: true, force: true });
      state = 'committed';
    },
    abort() {
      if (state !== 'open') return;
      state = 'aborted';
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

function createTempFolder(parent: string, base: string): string {
  // A folder left by a crashed process with the same pid is skipped, never reused or deleted.
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

/** Report files are flat: a name with a path in it would escape the temp folder or the target. */
function checkName(name: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\]/.test(name) || name.includes('\0')) {
    throw new Error(`Expected a plain file name for a report file, got ${JSON.stringify(name)}`);
  }
}
