// The command line before yargs sees it: arguments after `--` are refused (yargs would drop them),
// and an option that takes a value keeps a value that starts with one dash (`--from -5m` is the
// value -5m, which its own check then judges, not the flags -5 and -m).
import { readFileSync } from 'node:fs';
import { UsageError } from './exit-codes.js';

const VALUE_OPTIONS = new Set(['--out', '--seed', '--strategy', '--variant', '--set', '--workers', '--messages', '--from', '--mermaid']);

export function prepareArgv(argv: readonly string[]): string[] {
  const dash = argv.indexOf('--');
  if (dash >= 0) {
    const rest = argv.slice(dash + 1);
    const what = rest.length > 0 ? `: ${rest.map((a) => JSON.stringify(a)).join(' ')}` : '';
    throw new UsageError([`sim: arguments after -- are not accepted${what}`, "run 'sim --help' for usage"]);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (VALUE_OPTIONS.has(arg) && next !== undefined && /^-(?!-)./.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The version in package.json (dist/cli/ and sim/cli/ are both two folders below it). */
export function packageVersion(): string {
  try {
    const json = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
