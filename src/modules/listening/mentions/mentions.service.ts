import { handlesOf } from '../../../lib/listening/index.ts';
import { triage } from '../../../lib/triage/index.ts';
import { type Db, ownTables } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { decodeCursor, toPage, UUID_PATTERN } from '../../../platform/http/pagination.ts';
import type { CareModule } from '../../care/index.ts';
import type { IdentityModule } from '../../identity/index.ts';
import type { SocialModule } from '../../social/index.ts';
import { listeningError } from '../listening.errors.ts';
import type { ListeningTables } from '../listening.tables.ts';
import { taggedWith, tagsOfMentions } from '../topics/membership.repo.ts';
import type { Membership } from '../topics/membership.service.ts';
import { matchOf } from '../topics/topic-query.repo.ts';
import { parseTopicQuery, type TopicsService } from '../topics/topics.service.ts';
import { mentionRow, triageOptionsFor } from './import.service.ts';
import * as repo from './mentions.repo.ts';

type Row = Awaited<ReturnType<typeof repo.listMentions>>[number];

export const presentMention = (m: Row) => ({
  id: m.id,
  source: m.source,
  externalId: m.external_id,
  postId: m.post_id,
  text: m.text,
  author: { handle: m.author_handle, followers: m.author_followers },
  language: m.language,
  postedAt: new Date(m.posted_at).toISOString(),
  url: m.url,
  inReplyTo: m.in_reply_to,
  reshares: m.reshares,
  hashtags: m.hashtags,
  sentiment: m.sentiment,
  intent: m.intent,
  products: m.products,
  competitors: m.competitors,
  careConversationId: m.care_conversation_id,
});

export type MentionQuery = {
  topicId?: string;
  q?: string;
  from?: string;
  to?: string;
  intent?: string;
  language?: string;
  author?: string;
  hashtag?: string;
  tag?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  cursor?: string;
  limit?: number;
};

const CURSOR = new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\|${UUID_PATTERN.source.slice(1, -1)}$`);

/** A brand's mentions: the drill-down list behind every chart, one mention, its thread; and Souk's own posts. */
export function createMentionsService(deps: {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  social: Pick<SocialModule, 'follows'>;
  care: Pick<CareModule, 'inbox'>;
  topics: TopicsService;
  membership: Pick<Membership, 'tagBatch'>;
}) {
  const { db, identity, topics } = deps;
  const own = ownTables<ListeningTables>(db);

  async function mentionOf(orgId: string, id: string) {
    const m = await repo.mentionById(own, orgId, id);
    if (!m) throw listeningError('mention_not_found', 'No mention with that id for this brand');
    return m;
  }

  // A public Souk post that mentions a brand (or answers one) is a mention of it, stored once per brand.
  deps.events.subscribe('listening.native', 'post.created', async (event, ctx) => {
    const p = event.payload;
    if (p.kind === 'reshare' || p.visibility !== 'public') return;
    const candidates = [...new Set([...p.mentionIds, ...(p.inReplyToAuthorId ? [p.inReplyToAuthorId] : [])])];
    if (candidates.length === 0) return;
    const brands = (await identity.accounts.byIds(candidates, ctx.trx)).filter(
      (a) => a.kind !== 'person' && a.id !== p.authorId,
    );
    if (brands.length === 0) return;
    const author = (await identity.accounts.byIds([p.authorId], ctx.trx))[0];
    const followers = await deps.social.follows.countFollowers(p.authorId, ctx.trx);
    const text = p.text.trim() === '' ? '(no text)' : p.text;
    for (const brand of brands) {
      const options = await triageOptionsFor(ctx.trx as Db, brand.id);
      const raw = {
        externalId: p.postId,
        text,
        authorHandle: author?.handle ?? 'unknown',
        authorFollowers: followers,
        language: null,
        postedAt: new Date(p.createdAt),
        url: null,
        inReplyTo: p.inReplyToId,
        reshares: 0,
        hashtags: p.hashtags.map((h) => h.toLowerCase()),
        mentions: handlesOf(text),
        hasLink: /\bhttps?:\/\/\S/i.test(text),
      };
      const row = { ...mentionRow(brand.id, 'souk', raw, triage(text, options), null), post_id: p.postId };
      if ((await repo.insertMentions(ownTables<ListeningTables>(ctx.trx as Db), [row])) > 0)
        await deps.membership.tagBatch(ctx.trx, brand.id, [row.id]);
    }
  });

  return {
    async list(principal: Principal, handle: string, query: MentionQuery) {
      const org = await topics.orgFor(principal, handle);
      const limit = query.limit ?? 20;
      const key = decodeCursor(query.cursor, CURSOR);
      const after = key ? { postedAt: new Date(key.split('|')[0]), id: key.split('|')[1] } : undefined;
      const conditions = [];
      // A topic's or tag's mentions are its stored memberships: the drill-down lists what the chart counted.
      if (query.topicId)
        conditions.push(taggedWith(org.id, (await topics.topicOf(org.id, query.topicId)).id));
      if (query.tag) conditions.push(taggedWith(org.id, (await topics.tagOf(org.id, query.tag, 'tag')).id));
      if (query.q) conditions.push(matchOf(parseTopicQuery(query.q, 'q')));
      const match = conditions.length === 0 ? undefined : repo.andAll(conditions);
      const rows = await repo.listMentions(
        own,
        org.id,
        {
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
          match,
          intent: query.intent,
          language: query.language,
          author: query.author?.toLowerCase(),
          hashtag: query.hashtag?.replace(/^#/, '').toLowerCase(),
          sentiment: query.sentiment,
        },
        after,
        limit + 1,
      );
      const page = toPage(rows, limit, (m) => `${new Date(m.posted_at).toISOString()}|${m.id}`);
      const tags = await tagsOfMentions(
        own,
        org.id,
        page.items.map((m) => m.id),
      );
      return {
        items: page.items.map((m) => ({ ...presentMention(m), tags: tags.get(m.id) ?? [] })),
        nextCursor: page.nextCursor,
      };
    },
    async get(principal: Principal, handle: string, id: string) {
      const org = await topics.orgFor(principal, handle);
      return presentMention(await mentionOf(org.id, id));
    },
    /**
     * A Souk post's mention handled in care, in one click: the care conversation holding the post (the same one
     * however often it is asked, reopened as a case when care had filed it as a mention), remembered on the mention.
     * An imported mention has no care conversation here: its thread and link out are the way to answer it.
     */
    async openInCare(principal: Principal, handle: string, id: string) {
      const org = await topics.orgFor(principal, handle);
      const m = await mentionOf(org.id, id);
      if (m.source !== 'souk' || !m.post_id)
        throw listeningError(
          'not_a_souk_post',
          'Only a Souk post becomes a care conversation; open the thread or its link',
          [{ field: 'id', message: `is a ${m.source} mention, answered on its network` }],
        );
      const { conversationId } = await deps.care.inbox.openFromPost(principal, handle, m.post_id);
      await repo.setCareConversation(own, org.id, m.id, conversationId);
      return { conversationId, mention: presentMention({ ...m, care_conversation_id: conversationId }) };
    },
    /** The mention's thread, rebuilt from reply links (imports) or the post's replies (Souk). */
    async thread(principal: Principal, handle: string, id: string) {
      const org = await topics.orgFor(principal, handle);
      const m = await mentionOf(org.id, id);
      const thread = await repo.threadOf(own, org.id, m.source, m.external_id);
      return { items: thread.map((t) => ({ ...presentMention(t), depth: t.depth })) };
    },
  };
}

export type MentionsService = ReturnType<typeof createMentionsService>;
