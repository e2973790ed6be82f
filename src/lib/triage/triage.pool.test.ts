import { afterAll, describe, expect, it } from 'vitest';
import { createTriagePool } from './triage.pool.ts';
import { triage } from './triage.service.ts';

const texts = Array.from({ length: 300 }, (_, i) =>
  i % 3 === 0
    ? `my daypack order ${i} arrived broken, this is unacceptable`
    : i % 3 === 1
      ? `do you ship the rain jacket to Lisbon? (${i})`
      : `love my new Northwind boots #${i}`,
);
const options = { products: ['daypack', 'rain jacket'], competitors: ['Northwind'] };

describe('triage pool', () => {
  const pool = createTriagePool({ threads: 2, minBatch: 10 });
  afterAll(() => pool.close());

  it('should triage batches in worker threads exactly as in the calling thread, in order', async () => {
    const batches = await Promise.all(
      [0, 100, 200].map((at) => pool.triageMany(texts.slice(at, at + 100), options)),
    );
    expect(pool.size).toBe(2);
    expect(batches.flat()).toEqual(texts.map((t) => triage(t, options)));
  }, 60_000);

  it('should triage a handful of texts without starting a thread', async () => {
    const small = createTriagePool({ threads: 2, minBatch: 10 });
    expect(await small.triageMany(texts.slice(0, 3), options)).toEqual(
      texts.slice(0, 3).map((t) => triage(t, options)),
    );
    expect(small.size).toBe(0);
  });
});
