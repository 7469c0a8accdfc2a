// The files a page carries (the bundled scenarios and the data files they name), offered to the
// loader in place of the disk. Custom strategy modules are JavaScript the page will not run.
import type { ScenarioFiles, TextFile } from '../scenario/index.js';

export const NO_MODULES_IN_PAGE = 'custom strategy modules cannot run in the playground; run this scenario with `npx sim run`';

/** Paths are the repository's, with forward slashes ("scenarios/data/x.csv"); "./" and "a/../" are resolved. */
export function bundledFiles(files: Readonly<Record<string, string>>): ScenarioFiles {
  return {
    readText(path: string): TextFile {
      const text = files[normalise(path)];
      return text === undefined ? { ok: false, message: 'cannot read file: no such file in the playground' } : { ok: true, text };
    },
    noModules: NO_MODULES_IN_PAGE,
  };
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
