// Stands in for Node's file system, module loader, URL helpers, os, zlib and the thread pool in the
// page's bundle (the page draws no PNG). The page reads files through the loader's ScenarioFiles and runs sweeps on one thread, so
// none of these is called on its paths; if one is, it says so instead of failing obscurely.

function unavailable(name: string): never {
  throw new Error(`${name} is not available in the playground page`);
}

export const existsSync = (): boolean => false;
export const readFileSync = (): never => unavailable('reading files');
export const readdirSync = (): never => unavailable('reading folders');
export const statSync = (): never => unavailable('reading files');
export const readFile = (): Promise<never> => Promise.reject(new Error('reading files is not available in the playground page'));
export const mkdirSync = (): never => unavailable('writing files');
export const writeFileSync = (): never => unavailable('writing files');
export const renameSync = (): never => unavailable('writing files');
export const rmSync = (): never => unavailable('writing files');
export const openSync = (): never => unavailable('writing files');
export const writeSync = (): never => unavailable('writing files');
export const closeSync = (): never => unavailable('writing files');
export const createRequire = (): ((id: string) => never) => (id: string) => unavailable(`the module ${id}`);
export const fileURLToPath = (url: string | URL): string => String(url);
export const pathToFileURL = (path: string): URL => unavailable(`loading ${path}`);
export const availableParallelism = (): number => 1;
export const crc32 = (): never => unavailable('writing a PNG');
export const deflateSync = (): never => unavailable('writing a PNG');

export class Piscina {
  constructor() {
    unavailable('a thread pool');
  }
}

export default { existsSync, readFileSync, readdirSync, statSync, createRequire, fileURLToPath, pathToFileURL, availableParallelism };
