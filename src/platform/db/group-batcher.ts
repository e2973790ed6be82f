/** One item's answer from a batch: its value, or the error that item alone failed with. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

type Waiting<I, O> = { item: I; resolve(value: O): void; reject(error: unknown): void };

/**
 * Group commit for any per-request database call. Items run together, up to `maxBatch` at a time: those that
 * arrive in the same turn of the event loop (the requests read from the sockets in one poll), and those that
 * arrive while a batch is in flight. A quiet server waits for nothing but the end of the current turn; a busy one
 * pays one round trip (and one commit) per batch instead of one per request. (On PGlite a query runs
 * synchronously, so without waiting for the end of the turn no two requests would ever meet in a batch.)
 * If a whole batch throws, each of its items is run again alone, so each gets its own answer.
 */
export function groupBatcher<I, O>(
  run: (items: I[]) => Promise<Settled<O>[]>,
  { maxBatch = 64 }: { maxBatch?: number } = {},
) {
  const queue: Waiting<I, O>[] = [];
  let running = false;

  async function runBatch(batch: Waiting<I, O>[]): Promise<void> {
    let answers: Settled<O>[];
    try {
      answers = await run(batch.map((w) => w.item));
      if (answers.length !== batch.length)
        throw new Error(`expected ${batch.length} answers, got ${answers.length}`);
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const w of batch) await runBatch([w]);
      return;
    }
    batch.forEach((w, i) => {
      const answer = answers[i];
      if (answer.ok) w.resolve(answer.value);
      else w.reject(answer.error);
    });
  }

  async function drain() {
    if (running) return;
    running = true;
    try {
      while (queue.length > 0) await runBatch(queue.splice(0, maxBatch));
    } finally {
      running = false;
    }
  }

  return (item: I): Promise<O> =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running && queue.length === 1) setImmediate(drain);
    });
}
