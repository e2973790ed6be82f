// Souk for the care-ingest benchmark: the real server in a child process. It listens to its own live hub the way
// an agent's browser listens to the stream, so it knows when each conversation became visible in the inbox, and
// answers the benchmark's requests over the IPC channel.
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/main.ts';
import { hashPassword } from '../../src/modules/identity/index.ts';
import { serveParent } from '../child.ts';
import { cpuProfiler } from '../cpu-profiler.ts';

const config = { ...loadConfig(process.env), port: 0, host: '127.0.0.1', seedDemo: false, rateLimits: false };
const server = await startServer(config, { logger: { level: 'warn' } });
const { identity, care } = server.app.modules;
const db = server.db.db;

/** When each conversation was first announced to the brand's inbox (epoch ms). */
const seenAt = new Map<string, number>();

async function setup(m: { customers: number }) {
  const passwordHash = await hashPassword('care ingest bench');
  const person = (handle: string) =>
    identity.service.createUser({
      email: `${handle}@bench.example`,
      password: '',
      passwordHash,
      handle,
      name: handle,
    });
  const ownerId = await person('ingestowner');
  await identity.orgs.create(await identity.service.resolvePrincipalForUser(ownerId), {
    handle: 'ingestco',
    name: 'Ingest Co',
    kind: 'brand',
  });
  const owner = await identity.service.resolvePrincipalForUser(ownerId);
  await care.inbox.setAvailability(owner, 'ingestco', { status: 'online' });
  const brand = await identity.accounts.byHandle('ingestco');
  server.app.live.subscribe([brand!.id], (message) => {
    const { conversationId } = message.data as { conversationId?: string };
    if (message.event === 'care.conversation' && conversationId && !seenAt.has(conversationId))
      seenAt.set(conversationId, Date.now());
  });
  const customers: { token: string; csrfToken: string }[] = [];
  for (let i = 0; i < m.customers; i++) {
    const session = await identity.service.startSession(await person(`customer${i}`));
    customers.push({ token: session.token, csrfToken: session.csrfToken });
  }
  return { customers };
}

/** Each conversation's first customer post and when the inbox heard of it. */
async function results() {
  const { rows } = await sql<{ conversation_id: string; post_id: string }>`
    SELECT DISTINCT ON (conversation_id) conversation_id, post_id FROM care_messages
    WHERE direction = 'in' AND post_id IS NOT NULL ORDER BY conversation_id, created_at`.execute(db);
  return rows.map((r) => ({ postId: r.post_id, seenAt: seenAt.get(r.conversation_id) ?? null }));
}

const profiler = cpuProfiler();

// biome-ignore lint/suspicious/noExplicitAny: IPC messages are typed at the calling side (care-ingest.bench.ts)
const handlers: Record<string, (msg: any) => Promise<unknown>> = {
  setup,
  results,
  profileStart: profiler.start, // `--profile FILE`: the server over the burst
  profileStop: profiler.stop,
};

serveParent(handlers, server);
