import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { triage } from './triage.service.ts';
import type { TriageOptions, TriageResult } from './triage.types.ts';
import type { TriageJob, TriageReply } from './triage.worker.ts';

export type TriagePool = {
  /** Triage of each text, in order; batches of at least `minBatch` texts go to a worker thread. */
  triageMany(texts: string[], options?: TriageOptions): Promise<TriageResult[]>;
  /** How many worker threads the pool runs (0 until the first large batch). */
  readonly size: number;
  /** Stops the threads; the pool starts them again when needed. */
  close(): Promise<void>;
};

type Waiter = { resolve(r: TriageResult[]): void; reject(e: Error): void };
type Thread = { worker: Worker; busy: number };

const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './triage.worker.ts' : './triage.worker.js',
  import.meta.url,
);

/** A triage thread; under a TypeScript loader (development, tests) the worker file is loaded through it. */
function newWorker() {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL);
  const boot = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(WORKER_URL.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true });
}

/**
 * A small pool of worker threads that triage batches of texts, so that an import uses every core: the reading and
 * storing stay on the main thread while the threads triage the next batches. A batch smaller than `minBatch` is
 * triaged in the calling thread (no thread is started for a handful of messages). An idle thread does not keep the
 * process alive.
 */
export function createTriagePool({
  threads = Math.max(1, Math.min(4, os.availableParallelism())),
  minBatch = 64,
}: {
  threads?: number;
  minBatch?: number;
} = {}): TriagePool {
  let pool: Thread[] = [];
  let nextId = 0;
  const waiting = new Map<number, Waiter & { thread: Thread }>();

  function start(): Thread[] {
    pool = Array.from({ length: threads }, () => {
      const thread: Thread = { worker: newWorker(), busy: 0 };
      thread.worker.on('message', (reply: TriageReply) => {
        const w = waiting.get(reply.id);
        if (!w) return;
        waiting.delete(reply.id);
        thread.busy--;
        if (thread.busy === 0) thread.worker.unref();
        if (reply.error !== undefined) w.reject(new Error(reply.error));
        else w.resolve(reply.results ?? []);
      });
      thread.worker.on('error', (err) => failThread(thread, err));
      thread.worker.on('exit', (code) => failThread(thread, new Error(`triage thread exited with ${code}`)));
      thread.worker.unref();
      return thread;
    });
    return pool;
  }

  function failThread(thread: Thread, err: Error) {
    pool = pool.filter((t) => t !== thread);
    for (const [id, w] of waiting)
      if (w.thread === thread) {
        waiting.delete(id);
        w.reject(err);
      }
  }

  return {
    get size() {
      return pool.length;
    },
    async triageMany(texts, options = {}) {
      if (texts.length < minBatch) return texts.map((t) => triage(t, options));
      const threadsNow = pool.length > 0 ? pool : start();
      const thread = threadsNow.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (thread.busy++ === 0) thread.worker.ref();
      const id = nextId++;
      return new Promise<TriageResult[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject, thread });
        thread.worker.postMessage({ id, texts, options } satisfies TriageJob);
      });
    },
    async close() {
      const closing = pool;
      pool = [];
      await Promise.all(closing.map((t) => t.worker.terminate()));
    },
  };
}

let shared: TriagePool | undefined;
/** The process's one triage pool (imports share it, so a second import does not start more threads). */
export function sharedTriagePool(): TriagePool {
  shared ??= createTriagePool();
  return shared;
}
