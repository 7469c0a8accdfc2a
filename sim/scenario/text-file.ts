// Reading a user's file (a scenario or an empirical data file) as UTF-8 text, turning every way that
// can fail into a message instead of an exception.

import { readFileSync, statSync } from 'node:fs';

export type TextFile = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string; readonly missing?: boolean };

// Node's error codes in plain words; anything else is shown by its code.
const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a parent is not a directory)',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENAMETOOLONG: 'the name is too long',
};

export const NOT_TEXT = 'is not a text file (binary content)';

/** The largest file read (a scenario, a data file): bigger ones are refused before reading. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Only regular files are read: a FIFO would block for ever, a device (/dev/zero) never ends, and `-`
 * is not standard input here.
 */
export function readTextFile(path: string): TextFile {
  // yargs hands `-` over as an empty name.
  if (path === '-' || path === '') return { ok: false, message: 'not a regular file: "-" (standard input) is not supported; name a file' };
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, message: 'not a regular file: it is a directory' };
    if (!stat.isFile()) return { ok: false, message: 'not a regular file (a FIFO, a device or a socket)' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, message: `is ${stat.size} bytes, more than the limit of ${MAX_FILE_BYTES} (256 MB)` };
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = (code !== undefined && READ_ERRORS[code]) || code || String(err);
    return { ok: false, message: `cannot read file: ${reason}`, ...(code === 'ENOENT' ? { missing: true } : {}) };
  }
  return decodeText(bytes);
}

/** UTF-8 text (a leading byte-order mark dropped), or a message when the bytes are not text. */
export function decodeText(bytes: Uint8Array): TextFile {
  // A NUL byte is valid UTF-8 but never appears in a text file; it is the usual sign of binary data.
  if (bytes.includes(0)) return { ok: false, message: NOT_TEXT };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: NOT_TEXT };
  }
}
