/** A live update pushed to browsers over Server-Sent Events. */
export type LiveMessage = { event: string; data: unknown };

type Listener = (message: LiveMessage) => void;

/**
 * In-process fan-out of live updates to the SSE connections of the accounts they concern. Publishers name
 * the recipient accounts; a connection listens for the accounts its user may act as (itself and its orgs),
 * so nothing reaches a connection outside its audience.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(accountIds: string[], listener: Listener): () => void {
    for (const id of accountIds) {
      const set = this.listeners.get(id) ?? new Set<Listener>();
      set.add(listener);
      this.listeners.set(id, set);
    }
    return () => {
      for (const id of accountIds) {
        const set = this.listeners.get(id);
        set?.delete(listener);
        if (set?.size === 0) this.listeners.delete(id);
      }
    };
  }

  publish(accountIds: string[], message: LiveMessage): void {
    const delivered = new Set<Listener>();
    for (const id of accountIds) {
      for (const listener of this.listeners.get(id) ?? []) {
        if (delivered.has(listener)) continue;
        delivered.add(listener);
        listener(message);
      }
    }
  }
}
