// Souk for the benchmark: the real server (startServer, as `souk start` runs it) in a child process, plus an
// IPC channel through which the benchmark creates sessions and observes the database. On PGlite only this
// process may open the data directory, so every database question goes through it.
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/main.ts';
import { hashSecret } from '../../src/platform/http/auth.ts';
import { serveParent } from '../child.ts';
import { authorNear, followersWithPost, pendingFanouts, samplePeople } from './probes.ts';

const config = { ...loadConfig(process.env), port: 0, host: '127.0.0.1', seedDemo: false, rateLimits: false };
const server = await startServer(config, { logger: { level: 'warn' } });
const { identity, social } = server.app.modules;
const db = server.db.db;

type Session = { userId: string; token: string; csrfToken: string };

async function sessions(count: number): Promise<Session[]> {
  const out: Session[] = [];
  for (const userId of await samplePeople(db, count)) out.push(await identity.service.startSession(userId));
  return out;
}

/** Sequential timings of the pieces of one home request, without HTTP or concurrency: the SQL floor. */
async function profile(tokens: string[]) {
  const principalMs: number[] = [];
  const homeMs: number[] = [];
  const jsonBytes: number[] = [];
  for (const token of tokens) {
    let t = performance.now();
    const principal = await identity.service.resolvePrincipal('session', hashSecret(token));
    principalMs.push(performance.now() - t);
    t = performance.now();
    const page = await social.reads.home(principal!, { limit: 20 });
    homeMs.push(performance.now() - t);
    jsonBytes.push(JSON.stringify(page).length);
  }
  return { principalMs, homeMs, jsonBytes };
}

const handlers: Record<string, (msg: Record<string, unknown>) => Promise<unknown>> = {
  sessions: (m) => sessions(m.count as number),
  author: async (m) => {
    const author = await authorNear(db, m.followers as number);
    return { ...author, session: await identity.service.startSession(author.id) };
  },
  pending: (m) => pendingFanouts(db, m.postIds as string[]),
  delivered: (m) => followersWithPost(db, m.authorId as string, m.postId as string),
  profile: (m) => profile(m.tokens as string[]),
};

serveParent(handlers, server);
