// Every temporary file of the suite goes under one private folder: TMPDIR points there for the test
// processes and everything they start (the CLI, Chromium), and the folder is removed at the end,
// also when tests fail. Folders of an earlier suite that was killed are removed at the start.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PREFIX = 'sim-suite-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default function setup(): () => void {
  const base = tmpdir();
  for (const name of readdirSync(base)) {
    const match = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (match !== null && !alive(Number(match[1]))) rmSync(path.join(base, name), { recursive: true, force: true });
  }
  const root = mkdtempSync(path.join(base, `${PREFIX}${process.pid}-`));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
