// The page's simulation worker: started from a Blob URL of this file bundled as a classic script
// (from file:// that is the only kind of worker Chromium allows). It answers the page's requests one
// at a time; the page cancels a run by ending the worker.
import { formatProblem } from '../scenario/index.js';
import { bundledFiles } from './bundled-files.js';
import type { Reply, Request } from './protocol.js';
import { load, simulate, trace } from './simulate.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ request: Request; files?: Record<string, string> }>) => void) | null;
  postMessage(message: Reply): void;
}

const scope = globalThis as unknown as WorkerScope;
let files = bundledFiles({});
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  if (event.data.files !== undefined) files = bundledFiles(event.data.files);
  const request = event.data.request;
  queue = queue.then(() => answer(request)).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ kind: 'failed', id: request.id, message });
  });
};

async function answer(request: Request): Promise<void> {
  const loaded = load(request.text, request.file, files);
  if (!loaded.ok) {
    // The same sentences as the command line: file:line:col: path: message (did you mean ...).
    scope.postMessage({ kind: 'problems', id: request.id, problems: loaded.problems.map((p) => ({ ...p, text: formatProblem(p) })) });
    return;
  }
  if (request.kind === 'check') {
    scope.postMessage({ kind: 'problems', id: request.id, problems: [] });
  } else if (request.kind === 'run') {
    const result = await simulate(loaded, (done, total) => scope.postMessage({ kind: 'progress', id: request.id, done, total }));
    scope.postMessage({ kind: 'result', id: request.id, result });
  } else {
    scope.postMessage({ kind: 'traced', id: request.id, trace: await trace(loaded, request.strategy, request.messages) });
  }
}
