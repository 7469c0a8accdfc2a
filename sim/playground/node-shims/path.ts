// node:path for the page's bundle: the few POSIX functions the loader uses, on forward-slash paths
// relative to the repository (the page has no working directory).

export const sep = '/';

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

export function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return isAbsolute(path) ? `/${joined}` : joined || '.';
}

export function join(...paths: string[]): string {
  return normalize(paths.filter((p) => p !== '').join('/'));
}

export function resolve(...paths: string[]): string {
  return join(...paths);
}

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i);
}

export function basename(path: string, ext = ''): string {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return ext !== '' && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

export function extname(path: string): string {
  const base = basename(path);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i);
}

export default { sep, isAbsolute, normalize, join, resolve, dirname, basename, extname };
