/** A live update pushed to browsers over Server-Sent Events. */
export type LiveMessage = { event: string; data: unknown };

type Listener = (message: LiveMessage) => void;

/** How a stream's caller signed in: the credential whose end must end the stream. */
export type StreamCredential = { via: 'session' | 'token'; tokenHash: string };

/**
 * What the identity module tells the live hub (app.ts wires it), so an open stream ends with its credential:
 * the platform defines it and never imports a module.
 */
export type CredentialChanges = {
  /** A session was ended or an API token revoked: streams opened with it close at once. */
  credentialRevoked(credential: StreamCredential): void;
  /** A member left an organization: their streams stop carrying its messages at once. */
  membershipEnded(userId: string, orgId: string): void;
};

/** One open stream as the hub sees it. `recheck` answers the audience its credential has now, or null. */
export type LiveStream = {
  userId: string;
  credential: StreamCredential;
  accountIds: string[];
  send: Listener;
  end(): void;
  recheck(): Promise<string[] | null>;
};

/** The backstop for changes made by other server processes: every open stream's credential is re-read. */
const RECHECK_MS = 5000;

/**
 * In-process fan-out of live updates to the SSE connections of the accounts they concern. Publishers name
 * the recipient accounts; a connection listens for the accounts its user may act as (itself and its orgs),
 * so nothing reaches a connection outside its audience, and the audience shrinks as soon as it changes.
 */
export class LiveHub implements CredentialChanges {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly streams = new Map<LiveStream, () => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly recheckMs = RECHECK_MS) {}

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

  /** Registers an open stream; the returned function forgets it (call it when the connection closes). */
  open(stream: LiveStream): () => void {
    this.streams.set(stream, this.subscribe(stream.accountIds, stream.send));
    this.timer ??= setInterval(() => void this.recheckAll(), this.recheckMs).unref();
    return () => {
      this.streams.get(stream)?.();
      this.streams.delete(stream);
      if (this.streams.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  credentialRevoked(credential: StreamCredential): void {
    for (const stream of [...this.streams.keys()]) {
      if (stream.credential.via === credential.via && stream.credential.tokenHash === credential.tokenHash)
        stream.end();
    }
  }

  membershipEnded(userId: string, orgId: string): void {
    for (const stream of this.streams.keys()) {
      if (stream.userId === userId && stream.accountIds.includes(orgId))
        this.retarget(
          stream,
          stream.accountIds.filter((id) => id !== orgId),
        );
    }
  }

  /** Re-reads every open stream's credential: ends those that lost it, narrows or widens the others. */
  async recheckAll(): Promise<void> {
    await Promise.all(
      [...this.streams.keys()].map(async (stream) => {
        const accountIds = await stream.recheck().catch(() => stream.accountIds);
        if (!this.streams.has(stream)) return;
        if (accountIds === null) stream.end();
        else if (accountIds.join() !== stream.accountIds.join()) this.retarget(stream, accountIds);
      }),
    );
  }

  private retarget(stream: LiveStream, accountIds: string[]) {
    this.streams.get(stream)?.();
    stream.accountIds = accountIds;
    this.streams.set(stream, this.subscribe(accountIds, stream.send));
  }
}
