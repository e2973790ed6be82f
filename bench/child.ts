import { type ChildProcess, fork } from 'node:child_process';

type Reply = { id: number; ok: boolean; result?: unknown; error?: string };

/** A server in a child process, answering typed requests over the IPC channel (see souk.server.ts). */
export class Child {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(
    private readonly proc: ChildProcess,
    readonly url: string,
  ) {
    proc.on('message', (msg: Reply) => {
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.ok) waiter.resolve(msg.result);
      else waiter.reject(new Error(msg.error));
    });
  }

  /** Forks `script` (run through the same tsx loader as this process) and waits for its ready message. */
  static start(script: string, env: NodeJS.ProcessEnv): Promise<Child> {
    const proc = fork(script, [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`${script} exited with ${code} before it was ready`));
      proc.once('exit', onExit);
      proc.once('message', (msg: { type: string; url: string }) => {
        proc.off('exit', onExit);
        if (msg.type === 'ready') resolve(new Child(proc, msg.url.replace('[::1]', '127.0.0.1')));
        else reject(new Error(`unexpected first message from ${script}`));
      });
    });
  }

  call<T>(type: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.proc.send({ id, type, ...args });
    });
  }

  /** Disconnects, which the child takes as the signal to close cleanly; kills it if it lingers. */
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.proc.disconnect();
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The child's end of the channel: answers each request with its handler's result (or error), closes the server
 * when the parent disconnects, and announces the server's URL.
 */
export function serveParent(
  // biome-ignore lint/suspicious/noExplicitAny: requests are typed at the calling side (Child.call)
  handlers: Record<string, (msg: any) => Promise<unknown>>,
  server: { url: string; close(): Promise<void> },
): void {
  process.on('message', (msg: { id: number; type: string }) => {
    handlers[msg.type](msg).then(
      (result) => process.send!({ id: msg.id, ok: true, result }),
      (err: Error) => process.send!({ id: msg.id, ok: false, error: err.stack ?? String(err) }),
    );
  });
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  process.send!({ type: 'ready', url: server.url });
}
