// `sim playground [--out DIR]`: writes the browser playground, one self-contained index.html that runs
// this simulator in a Web Worker, and prints where it is as a file:// URL.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Argv, CommandModule } from 'yargs';

export interface PlaygroundArgs {
  out?: string;
}

export const PLAYGROUND_DIR = path.join('reports', 'playground');

export async function playgroundCommand(args: PlaygroundArgs, print: (text: string) => void): Promise<void> {
  // esbuild is loaded only for this command.
  const { buildPlayground } = await import('../playground/build.js');
  const built = await buildPlayground(args.out ?? PLAYGROUND_DIR);
  const megabytes = (built.bytes / 1024 / 1024).toFixed(1);
  print(`wrote ${built.file} (${megabytes} MB): open it in a browser, or publish its folder as a static site\n`);
  print(`${pathToFileURL(path.resolve(built.file)).href}\n`);
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
