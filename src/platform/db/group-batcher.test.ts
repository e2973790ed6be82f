import { describe, expect, it } from 'vitest';
import { groupBatcher, type Settled } from './group-batcher.ts';

const turn = () => new Promise((r) => setImmediate(r));

describe('groupBatcher', () => {
  it('should batch the items of one turn of the event loop, then those that arrive while a batch is in flight', async () => {
    const batches: number[][] = [];
    const run = async (items: number[]): Promise<Settled<number>[]> => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 20));
      return items.map((i) => ({ ok: true, value: i * 10 }));
    };
    const call = groupBatcher(run, { maxBatch: 3 });
    const first = [1, 2].map(call);
    await new Promise((r) => setTimeout(r, 5)); // the first batch is in flight now
    const later = [3, 4, 5, 6].map(call);
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1, 2], [3, 4, 5], [6]]);
  });

  it('should fail only the item whose answer is an error, and rerun a thrown batch item by item', async () => {
    const call = groupBatcher(async (items: number[]): Promise<Settled<number>[]> => {
      if (items.length > 1 && items.includes(13)) throw new Error('the batch failed');
      if (items.includes(13)) throw new Error('13 is unlucky');
      return items.map((i) =>
        i % 2 ? { ok: true, value: i } : { ok: false, error: new Error(`${i} is even`) },
      );
    });
    const lone = call(1);
    await turn();
    const together = [13, 2, 3].map((i) => call(i).catch((e: Error) => e.message));
    expect(await lone).toBe(1);
    expect(await Promise.all(together)).toEqual(['13 is unlucky', '2 is even', 3]);
  });
});
