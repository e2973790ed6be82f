import type { Child } from '../child.ts';

export type Author = {
  id: string;
  handle: string;
  followers: number;
  session: { token: string; csrfToken: string };
};

type Sent = {
  id: string | null;
  startedAt: number;
  answeredAt: number;
  status: number;
  fannedOutAt: number | null;
};

export type PostingResult = {
  author: string;
  followers: number;
  posts: number;
  ratePerSec: number;
  concurrency: number;
  failures: number;
  requestMs: number[];
  /** From sending the POST until the post was in every follower's home timeline. */
  fanoutMs: number[];
  verified: { checked: number; complete: number };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(baseUrl: string, author: Author, n: number): Promise<Sent> {
  const startedAt = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/posts`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `souk_session=${author.session.token}`,
      'x-csrf-token': author.session.csrfToken,
    },
    body: JSON.stringify({ text: `Benchmark post ${n}: does the fan-out keep up? #souk_bench` }),
  });
  const body = (await res.json()) as { id?: string };
  return {
    id: res.status === 201 ? body.id! : null,
    startedAt,
    answeredAt: performance.now(),
    status: res.status,
    fannedOutAt: null,
  };
}

/** Polls the server until every answered post has fanned out, stamping the moment each one did. */
async function watchFanout(souk: Child, sent: Sent[], stillSending: () => boolean, timeoutMs: number) {
  const deadline = () => performance.now() > timeoutMs;
  for (;;) {
    const waiting = sent.filter((s) => s.id && s.fannedOutAt === null);
    if (waiting.length === 0 && !stillSending()) return;
    if (deadline()) return;
    if (waiting.length) {
      const pending = new Set(await souk.call<string[]>('pending', { postIds: waiting.map((s) => s.id) }));
      const now = performance.now();
      for (const s of waiting) if (!pending.has(s.id!)) s.fannedOutAt = now;
    }
    await sleep(10);
  }
}

/**
 * Publishes `count` posts as `author` at `ratePerSec` with at most `concurrency` in flight, measuring each
 * request and the time until the post is in every follower's home timeline; then deletes them again.
 */
export async function postingRun(
  baseUrl: string,
  souk: Child,
  author: Author,
  options: { count: number; ratePerSec: number; concurrency: number },
): Promise<PostingResult> {
  const sent: Sent[] = [];
  let issued = 0;
  let sending = true;
  const startedAt = performance.now();
  const worker = async () => {
    while (issued < options.count) {
      const n = issued++;
      const due = startedAt + (n * 1000) / options.ratePerSec;
      if (due > performance.now()) await sleep(due - performance.now());
      sent.push(await send(baseUrl, author, n));
    }
  };
  const watcher = watchFanout(
    souk,
    sent,
    () => sending,
    startedAt + (options.count / options.ratePerSec) * 1000 + 120_000,
  );
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  sending = false;
  await watcher;
  const ok = sent.filter((s) => s.id);
  const verified = await verify(souk, author, ok);
  for (const s of ok) await remove(baseUrl, author, s.id!);
  return {
    author: author.handle,
    followers: author.followers,
    posts: sent.length,
    ratePerSec: options.ratePerSec,
    concurrency: options.concurrency,
    failures: sent.length - ok.length + ok.filter((s) => s.fannedOutAt === null).length,
    requestMs: sent.map((s) => s.answeredAt - s.startedAt),
    fanoutMs: ok.filter((s) => s.fannedOutAt !== null).map((s) => s.fannedOutAt! - s.startedAt),
    verified,
  };
}

/** Counts follower home rows for every tenth post: the fan-out must have reached all of them. */
async function verify(souk: Child, author: Author, ok: Sent[]) {
  const sample = ok.filter((_, i) => i % 10 === 0 || i === ok.length - 1);
  let complete = 0;
  for (const s of sample) {
    const n = await souk.call<number>('delivered', { authorId: author.id, postId: s.id });
    if (n === author.followers) complete++;
  }
  return { checked: sample.length, complete };
}

async function remove(baseUrl: string, author: Author, id: string): Promise<void> {
  await fetch(`${baseUrl}/api/v1/posts/${id}`, {
    method: 'DELETE',
    headers: { cookie: `souk_session=${author.session.token}`, 'x-csrf-token': author.session.csrfToken },
  });
}
