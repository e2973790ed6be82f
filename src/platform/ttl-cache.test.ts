import { afterEach, describe, expect, it, vi } from 'vitest';
import { TtlCache } from './ttl-cache.ts';

afterEach(() => vi.useRealTimers());

describe('TtlCache', () => {
  it('should forget an entry once its time is up', () => {
    vi.useFakeTimers();
    const cache = new TtlCache<number>(1000);
    cache.set('a', 1);
    vi.advanceTimersByTime(999);
    expect(cache.get('a')).toBe(1);
    vi.advanceTimersByTime(2);
    expect(cache.get('a')).toBeUndefined();
  });

  it('should load only the missing keys, in one call', async () => {
    const cache = new TtlCache<string>(60_000);
    cache.set('a', 'A');
    const load = vi.fn(async (keys: string[]) => new Map(keys.map((k) => [k, k.toUpperCase()])));
    const values = await cache.getMany(['a', 'b', 'c'], load);
    expect([...values.values()].sort()).toEqual(['A', 'B', 'C']);
    expect(load).toHaveBeenCalledWith(['b', 'c']);
  });

  it('should drop the oldest entry when full', () => {
    const cache = new TtlCache<number>(60_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
  });

  it('should not keep a value that was loaded before an invalidation', () => {
    const cache = new TtlCache<number>(60_000);
    const loadedAt = cache.version();
    cache.delete('a'); // e.g. the row changed while the read was in flight
    cache.set('a', 1, loadedAt);
    expect(cache.get('a')).toBeUndefined();
  });
});
