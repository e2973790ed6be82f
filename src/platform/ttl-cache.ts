/**
 * A small in-process cache whose entries expire after `ttlMs`, for hot reads that tolerate being that stale
 * (sessions, account names, catalog prices that the database re-checks). Oldest entries go first when full.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  /** Bumped by every invalidation, so a value read from the database before it is not cached after it. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** The current generation; pass it to `set` when the value was loaded asynchronously. */
  version(): number {
    return this.generation;
  }

  set(key: string, value: V, loadedAt = this.generation): void {
    if (loadedAt !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Values for `keys`, loading the missing ones in one call. */
  async getMany(
    keys: string[],
    load: (missing: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const key of keys) {
      const value = this.get(key);
      if (value === undefined) missing.push(key);
      else found.set(key, value);
    }
    if (missing.length) {
      const loadedAt = this.generation;
      for (const [key, value] of await load(missing)) {
        this.set(key, value, loadedAt);
        found.set(key, value);
      }
    }
    return found;
  }
}
