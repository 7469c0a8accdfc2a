// Where the loader reads the files a scenario names (`empirical(...)` and `trace(...)` data files) and
// whether it may use custom strategy modules: the disk by default; a browser page hands in its own
// bundled files instead.

import { type TextFile, readTextFile } from './text-file.js';

export interface ScenarioFiles {
  /** The text at `path` (as resolved against the scenario's folder), or why it cannot be read. */
  readText(path: string): TextFile;
  /**
   * Why custom strategy modules cannot be used here (a page runs no user code), or undefined when
   * they can: then the module file is looked for on disk.
   */
  readonly noModules?: string;
}

export const DISK_FILES: ScenarioFiles = { readText: readTextFile };
