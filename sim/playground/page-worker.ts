// The page's side of the simulation worker: starts it from a Blob URL of the inlined classic script,
// matches answers to requests, and cancels a run by ending the worker and starting a fresh one.
import type { Reply, Request } from './protocol.js';

type Pending = { resolve(reply: Reply): void; onProgress?: (done: number, total: number) => void };

export class SimWorker {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly source: string,
    private readonly files: Record<string, string>,
  ) {
    this.worker = this.start();
  }

  /** Sends `request` (its id is filled in) and resolves with the final answer. */
  ask(request: DistributiveOmit<Request, 'id'>, onProgress?: (done: number, total: number) => void): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, onProgress });
      this.worker.postMessage({ request: { ...request, id } });
    });
  }

  /** Ends whatever the worker is doing; every open request is answered with `failed: cancelled`. */
  cancel(): void {
    this.worker.terminate();
    for (const [id, p] of this.pending) p.resolve({ kind: 'failed', id, message: 'cancelled' });
    this.pending.clear();
    this.worker = this.start();
  }

  private start(): Worker {
    const url = URL.createObjectURL(new Blob([this.source], { type: 'text/javascript' }));
    const worker = new Worker(url);
    URL.revokeObjectURL(url);
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const p = this.pending.get(reply.id);
      if (p === undefined) return;
      if (reply.kind === 'progress') {
        p.onProgress?.(reply.done, reply.total);
        return;
      }
      this.pending.delete(reply.id);
      p.resolve(reply);
    };
    // A worker that fails outside a request (it could not even start) fails every open request.
    worker.onerror = (event) => {
      event.preventDefault();
      for (const [id, p] of this.pending) p.resolve({ kind: 'failed', id, message: event.message || 'the simulation worker stopped' });
      this.pending.clear();
    };
    worker.postMessage({ request: { kind: 'check', id: 0, file: 'none.yaml', text: '' }, files: this.files });
    return worker;
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
