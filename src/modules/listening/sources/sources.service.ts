import {
  compareStatusIds,
  mastodonStatus,
  parseLinkHeader,
  statusIdOf,
} from '../../../lib/listening/index.ts';
import { triage } from '../../../lib/triage/index.ts';
import { type Db, isUniqueViolation, ownTables } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { privateHostReason } from '../../../platform/http/outbound.ts';
import { newId } from '../../../platform/ids.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { listeningError } from '../listening.errors.ts';
import type { ListeningTables } from '../listening.tables.ts';
import { mentionRow, triageOptionsFor } from '../mentions/import.service.ts';
import { insertMentions } from '../mentions/mentions.repo.ts';
import { getJson, type MastodonAnswer, waitUntil } from './mastodon.client.ts';
import * as repo from './sources.repo.ts';
import type { SourceKind, SourcesTables } from './sources.tables.ts';

/** Statuses asked for per page (Mastodon's maximum). */
const PAGE_LIMIT = 40;
/** Pages per poll: a source far behind catches up over several polls, politely. */
const MAX_PAGES = 10;
/** Parents looked up per poll to link a reply to a status that was not on the page. */
const MAX_PARENT_LOOKUPS = 10;
/** A poll holds its source this long; one that dies is tried again afterwards. */
const LEASE_SECONDS = 120;
const SOURCES_PER_SWEEP = 20;
const MAX_BACKOFF_SECONDS = 6 * 3600;
export const DEFAULT_POLL_SECONDS = 300;
const SWEEP_MS = 15_000;

const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;
const ACCOUNT = /^(?:\d{1,30}|[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9.-]{1,253})?)$/;

export type SourceInput = {
  instanceUrl: string;
  kind: SourceKind;
  target: string;
  pollEverySeconds?: number;
  enabled?: boolean;
};

const invalid = (field: string, message: string) =>
  listeningError('invalid_source', `The ${field} ${message}`, [{ field, message }]);

/**
 * The instance's origin, or a 400: only http(s), no user name or password in it, and on the public internet unless
 * the operator allows private networks (a name that resolves inside is refused when polled).
 */
function instanceOf(input: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalid('instanceUrl', 'is not an address (https://mastodon.example)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('instanceUrl', 'must be http(s)');
  if (url.username || url.password) throw invalid('instanceUrl', 'must not carry a user name or password');
  const inside = allowPrivate ? null : privateHostReason(url.hostname);
  if (inside) throw invalid('instanceUrl', `must be on the public internet (${inside})`);
  return url.origin;
}

function targetOf(kind: SourceKind, input: string): string {
  const t = input.trim();
  if (kind === 'hashtag') {
    const tag = t.replace(/^#/, '');
    if (!HASHTAG.test(tag)) throw invalid('target', 'must be a hashtag: letters, digits or _');
    return tag.toLowerCase();
  }
  const acct = t.replace(/^@/, '');
  if (!ACCOUNT.test(acct)) throw invalid('target', 'must be an account: @name, name@host or its id');
  return acct;
}

/**
 * Sources a brand follows on Mastodon's public REST API, and their poller: each due source is claimed (skipping
 * those another process polls), read page by page from its cursor (`min_id`, following the `Link` header's `prev`
 * page), its statuses stored as mentions once (the (source, external id) key), the cursor saved after each page.
 * A rate limit (429 or `X-RateLimit-Remaining: 0`) holds every source of that instance until its reset; an instance
 * down or answering garbage is written on the source with backoff. Nothing here throws out of the sweep.
 */
export function createSourcesService(deps: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs'>;
  now?: () => Date;
  /** Whether instances may be on loopback or a private network. */
  outboundPrivate: boolean;
}) {
  const { db, identity } = deps;
  const now = deps.now ?? (() => new Date());
  const own = ownTables<SourcesTables>(db);
  const mentionsDb = ownTables<ListeningTables>(db);
  const orgFor = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'listen');

  async function sourceOf(orgId: string, id: string) {
    const s = await repo.sourceById(own, orgId, id);
    if (!s) throw listeningError('source_not_found', 'No followed source with that id for this brand');
    return s;
  }

  async function poll(source: repo.SourceRow): Promise<void> {
    let stored = 0;
    let skipped = 0;
    const done = async (outcome: 'ok' | 'error' | 'rate_limited', error: string | null, next: Date) => {
      const at = now();
      await repo.recordPoll(own, source.id, {
        last_polled_at: at,
        last_outcome: outcome,
        last_error: error,
        last_stored: stored,
        last_skipped: skipped,
        failures: outcome === 'error' ? source.failures + 1 : 0,
        next_poll_at: next,
      });
    };
    const after = (seconds: number) => new Date(now().getTime() + seconds * 1000);
    const failed = (message: string) =>
      done(
        'error',
        message.slice(0, 500),
        after(Math.min(MAX_BACKOFF_SECONDS, source.poll_every_seconds * 2 ** (source.failures + 1))),
      );
    const hold = async (until: Date) => {
      await repo.holdInstance(own, source.instance_url, until);
      await done('rate_limited', `rate limited by the instance until ${until.toISOString()}`, until);
    };
    const get = (url: string): Promise<MastodonAnswer> => getJson(url, now, deps.outboundPrivate);
    try {
      const base = source.instance_url;
      let accountId = source.account_id;
      if (source.kind === 'account' && !accountId) {
        const r = await get(`${base}/api/v1/accounts/lookup?acct=${encodeURIComponent(source.target)}`);
        if (r.kind === 'rate_limited') return await hold(r.until);
        if (r.kind === 'error') return await failed(`looking up @${source.target}: ${r.message}`);
        accountId = statusIdOf((r.body as { id?: unknown } | null)?.id);
        if (!accountId) return await failed(`the instance gave no id for @${source.target}`);
        await repo.updateSource(own, source.org_id, source.id, { account_id: accountId });
      }
      const path =
        source.kind === 'hashtag'
          ? `/api/v1/timelines/tag/${encodeURIComponent(source.target)}`
          : `/api/v1/accounts/${encodeURIComponent(accountId!)}/statuses`;
      const pageAfter = (cursor: string | null) =>
        `${base}${path}?limit=${PAGE_LIMIT}${cursor ? `&min_id=${encodeURIComponent(cursor)}` : ''}`;
      let cursor = source.cursor;
      let url = pageAfter(cursor);
      const options = await triageOptionsFor(db, source.org_id);
      const uriOf = new Map<string, string>();
      let lookups = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const r = await get(url);
        if (r.kind === 'rate_limited') return await hold(r.until);
        if (r.kind === 'error') return await failed(r.message);
        if (!Array.isArray(r.body))
          return await failed('the instance answered with something that is not a list of statuses');
        const statuses = r.body as unknown[];
        for (const s of statuses) {
          const o = (s ?? {}) as { id?: unknown; uri?: unknown };
          const id = statusIdOf(o.id);
          if (id && typeof o.uri === 'string') uriOf.set(id, o.uri);
        }
        for (const s of statuses) {
          const parent = statusIdOf((s as { in_reply_to_id?: unknown } | null)?.in_reply_to_id);
          if (!parent || uriOf.has(parent) || lookups >= MAX_PARENT_LOOKUPS) continue;
          lookups++;
          const p = await get(`${base}/api/v1/statuses/${encodeURIComponent(parent)}`);
          const uri = p.kind === 'ok' ? (p.body as { uri?: unknown } | null)?.uri : undefined;
          if (typeof uri === 'string') uriOf.set(parent, uri);
        }
        const rows = [];
        let newest = cursor;
        for (const s of statuses) {
          const m = mastodonStatus(s, (id) => uriOf.get(id) ?? null);
          if (m.statusId && (!newest || compareStatusIds(m.statusId, newest) > 0)) newest = m.statusId;
          if (m.kind !== 'mention') {
            skipped++;
            continue;
          }
          rows.push(mentionRow(source.org_id, 'mastodon', m.mention, triage(m.mention.text, options), null));
        }
        const added = await insertMentions(mentionsDb, rows);
        stored += added;
        if (newest && newest !== cursor) {
          cursor = newest;
          await repo.saveCursor(own, source.id, cursor, added);
        }
        if (r.remaining === 0) return await hold(waitUntil(r.resetAt, now()));
        // The first poll starts from the latest page; later ones walk forward (newer pages) until one is empty.
        if (source.cursor === null || statuses.length === 0) break;
        const prev = parseLinkHeader(r.links).prev;
        url = prev && sameOrigin(prev, base) ? prev : pageAfter(cursor);
      }
      await done('ok', null, after(source.poll_every_seconds));
    } catch (err) {
      await failed(`the poll stopped: ${(err as Error).message}`).catch(() => {});
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  async function pollDue(at = now()) {
    const due = await repo.claimDue(own, at, SOURCES_PER_SWEEP, LEASE_SECONDS);
    for (const s of due) await poll(s);
    return due.length;
  }

  return {
    async list(principal: Principal, handle: string) {
      const org = await orgFor(principal, handle);
      return repo.sourcesOf(own, org.id);
    },
    async get(principal: Principal, handle: string, id: string) {
      const org = await orgFor(principal, handle);
      return sourceOf(org.id, id);
    },
    async add(principal: Principal, handle: string, input: SourceInput) {
      const org = await orgFor(principal, handle);
      const target = targetOf(input.kind, input.target);
      try {
        return await repo.insertSource(own, {
          id: newId(),
          org_id: org.id,
          instance_url: instanceOf(input.instanceUrl, deps.outboundPrivate),
          kind: input.kind,
          target,
          account_id: input.kind === 'account' && /^\d+$/.test(target) ? target : null,
          enabled: input.enabled ?? true,
          poll_every_seconds: input.pollEverySeconds ?? DEFAULT_POLL_SECONDS,
          created_by: principal.userId,
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw listeningError('source_exists', 'The brand already follows that on that instance', [
            { field: 'target', message: 'is already followed' },
          ]);
        throw err;
      }
    },
    async update(
      principal: Principal,
      handle: string,
      id: string,
      change: { enabled?: boolean; pollEverySeconds?: number },
    ) {
      const org = await orgFor(principal, handle);
      const s = await sourceOf(org.id, id);
      const updated = await repo.updateSource(own, org.id, id, {
        enabled: change.enabled ?? s.enabled,
        poll_every_seconds: change.pollEverySeconds ?? s.poll_every_seconds,
        // Switched back on: polled at once, the errors of before forgotten.
        ...(change.enabled && !s.enabled ? { next_poll_at: now(), failures: 0 } : {}),
      });
      return updated ?? sourceOf(org.id, id);
    },
    async remove(principal: Principal, handle: string, id: string) {
      const org = await orgFor(principal, handle);
      if ((await repo.deleteSource(own, org.id, id)) === 0)
        throw listeningError('source_not_found', 'No followed source with that id for this brand');
    },
    /** Polls one source now, whatever its schedule (a disabled one too), and returns it with the outcome. */
    async pollNow(principal: Principal, handle: string, id: string) {
      const org = await orgFor(principal, handle);
      const claimed = await repo.claimOne(own, org.id, id, now(), LEASE_SECONDS);
      if (!claimed)
        throw listeningError('source_not_found', 'No followed source with that id for this brand');
      await poll(claimed);
      return sourceOf(org.id, id);
    },
    /** Polls every due source once (the background sweep); returns how many were polled. */
    pollDue,
    /** The background poller: a sweep every 15 s, never two at once in this process. */
    job: {
      start(log?: { error(obj: object, msg: string): void }) {
        timer ??= setInterval(() => {
          if (running) return;
          running = pollDue()
            .catch((err) => log?.error({ err }, 'polling Mastodon sources failed'))
            .finally(() => {
              running = undefined;
            });
        }, SWEEP_MS);
      },
      async stop() {
        clearInterval(timer);
        timer = undefined;
        await running;
      },
    },
  };
}

const sameOrigin = (url: string, base: string) => {
  try {
    return new URL(url).origin === base;
  } catch {
    return false;
  }
};

export type SourcesService = ReturnType<typeof createSourcesService>;
