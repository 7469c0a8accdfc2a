// `sim playground [--out DIR]`: writes the browser playground, one self-contained index.html that runs
// this simulator in a Web Worker, and prints where it is as a file:// URL.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from './exit-codes.js';
import { writeFileAtomically } from './write-file.js';

export interface PlaygroundArgs {
  out?: string;
}

export const PLAYGROUND_DIR = path.join('reports', 'playground');

export async function playgroundCommand(args: PlaygroundArgs, print: (text: string) => void): Promise<void> {
  // esbuild is loaded only for this command.
  const { buildPlaygroundPage } = await import('../playground/build.js');
  const html = await buildPlaygroundPage();
  const file = path.join(args.out ?? PLAYGROUND_DIR, 'index.html');
  try {
    writeFileAtomically(file, html);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UsageError([`sim: cannot write ${file}: ${code}`]);
  }
  const megabytes = (Buffer.byteLength(html) / 1024 / 1024).toFixed(1);
  print(`wrote ${file} (${megabytes} MB): open it in a browser, or publish its folder as a static site\n`);
  print(`${pathToFileURL(path.resolve(file)).href}\n`);
}

/** The command for yargs: main.ts registers it with one line. */
export function playgroundModule(guard: (work: () => Promise<void>) => Promise<void>, print: (text: string) => void): CommandModule<object, PlaygroundArgs> {
  return {
    command: 'playground',
    describe: 'write the browser playground: one index.html that runs scenarios offline',
    builder: (y) => y.option('out', { type: 'string', describe: `output directory (default ${PLAYGROUND_DIR})` }) as Argv<PlaygroundArgs>,
    handler: (a) => guard(() => playgroundCommand({ out: a.out }, print)),
  };
}
