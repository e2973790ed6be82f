import { type Db, type Executor, isUniqueViolation } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import { actorIds, type Principal } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import { can, type IdentityModule } from '../identity/index.ts';
import type { AttachInput, MediaModule } from '../media/index.ts';
import { charCount, MAX_POST_CHARS, parseText, resolveEntities } from './entities.ts';
import { socialError } from './social.errors.ts';
import * as repo from './social.repo.ts';
import type { PostEntities, PostKind, Visibility } from './social.tables.ts';

/**
 * The brand policy's enforcement, injected by the app (the governance module): it throws a 422 when a draft
 * breaks a rule, and records blocks and overridden warnings. Absent, posts are not policy-checked.
 */
export type PolicyGate = {
  check(input: {
    orgId: string;
    actorId: string;
    channel: 'brand_post' | 'deal' | 'care_reply';
    text: string;
    overrideReason?: string;
    approved?: boolean;
  }): Promise<void>;
  checkOwnPost(principal: Principal, text: string, overrideReason?: string): Promise<void>;
};

export type PostsDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'accounts'>;
  media: Pick<MediaModule, 'attachments'>;
  policy?: PolicyGate;
};

/** Images per post. */
export const MAX_POST_MEDIA = 4;

export type CreatePostInput = {
  text: string;
  visibility?: Visibility;
  inReplyToId?: string;
  /** Quote this post (a reshare quotes its original): it is embedded as a card below the text. */
  quoteOfId?: string;
  as?: string;
  media?: AttachInput[];
  /** A public reply from the care inbox (the policy holds those to its reply rules). */
  careReply?: boolean;
  /** Why the policy's warnings do not apply; recorded in the brand's audit log. */
  policyOverride?: string;
  /** A post as the brand its approvers passed (governance's scheduled publishing): no second approval. */
  approvedDraft?: boolean;
};

export type PreparedPost = {
  id: string;
  authorId: string;
  kind: PostKind;
  visibility: Visibility;
  text: string;
  entities: PostEntities;
  inReplyToId: string | null;
  quoteOfId?: string | null;
  /** Hold the post back until then (a deal announced at its start); only the author's people see it before. */
  visibleFrom?: Date | null;
  /** Images of the author's, with alt text, checked by media. */
  media?: AttachInput[];
};

export const viewerOf = (principal: Principal | null): repo.Viewer =>
  principal ? { self: principal.userId, ids: actorIds(principal) } : repo.ANONYMOUS;

const postNotFound = () => socialError('post_not_found', 'Post not found');

export function createPostsService({ db, events, identity, media, policy }: PostsDeps) {
  const tx = <T>(fn: (trx: Executor) => Promise<T>) => events.transaction(db, fn);

  /** The account a request acts as: the caller, or an org whose role lets them post for it. */
  async function actingAccount(principal: Principal, asHandle: string | undefined): Promise<string> {
    if (!asHandle || asHandle.replace(/^@/, '').toLowerCase() === '') return principal.userId;
    const org = await identity.accounts.byHandle(asHandle.replace(/^@/, ''));
    if (!org)
      throw socialError('unknown_account', `No account @${asHandle}`, [
        { field: 'as', message: 'is not an account' },
      ]);
    if (org.id === principal.userId) return principal.userId;
    if (org.kind === 'person' || !can(principal, org.id, 'postAsOrg')) {
      throw socialError('cannot_act_as', `You cannot post as @${org.handle}`);
    }
    return org.id;
  }

  /** A post the caller can see, or a 404 that does not reveal whether a hidden one exists. */
  async function visibleRaw(trx: Executor, postId: string, principal: Principal) {
    const post = await repo.findRawPost(trx, postId);
    if (!post || post.deleted_at || !(await repo.isVisible(trx, postId, viewerOf(principal))))
      throw postNotFound();
    return post;
  }

  /**
   * The post a quote may embed: one the caller can see, public (quoting must not widen a smaller audience), not
   * held back; quoting a reshare quotes its original.
   */
  async function quotable(trx: Executor, postId: string, principal: Principal) {
    const target = await visibleRaw(trx, postId, principal);
    const original = target.reshare_of_id ? await visibleRaw(trx, target.reshare_of_id, principal) : target;
    if (original.visibility !== 'public' || (original.visible_from && original.visible_from > new Date()))
      throw socialError('not_quotable', 'Only public posts can be quoted', [
        { field: 'quoteOfId', message: 'is not a public post' },
      ]);
    return original;
  }

  /** Brand posts, deals and public care replies, and members' own posts naming their brand, meet the policy. */
  async function checkPolicy(
    principal: Principal,
    authorId: string,
    kind: PostKind,
    visibility: Visibility,
    input: CreatePostInput,
  ) {
    if (!policy || visibility === 'direct') return;
    if (authorId === principal.userId) {
      await policy.checkOwnPost(principal, input.text, input.policyOverride);
      return;
    }
    const channel = kind === 'deal' ? 'deal' : input.careReply ? 'care_reply' : 'brand_post';
    await policy.check({
      orgId: authorId,
      actorId: principal.userId,
      channel,
      text: input.text,
      overrideReason: input.policyOverride,
      approved: input.approvedDraft,
    });
  }

  /**
   * Checks a new post and resolves its author and mentions, before any transaction opens (these reads use
   * the pool; on PGlite's single connection they could not run inside one).
   */
  async function prepare(
    principal: Principal,
    input: CreatePostInput,
    kind: PostKind = 'post',
  ): Promise<PreparedPost> {
    if (charCount(input.text) > MAX_POST_CHARS) {
      throw socialError('post_too_long', `A post has at most ${MAX_POST_CHARS} characters`, [
        { field: 'text', message: `must be at most ${MAX_POST_CHARS} characters` },
      ]);
    }
    const images = input.media ?? [];
    if (input.text.trim() === '' && images.length === 0) {
      throw socialError('post_empty', 'A post needs some text or an image', [
        { field: 'text', message: 'is empty and no image is attached' },
      ]);
    }
    const authorId = await actingAccount(principal, input.as);
    const visibility = input.visibility ?? 'public';
    const parsed = parseText(input.text);
    const mentioned = await identity.accounts.byHandles([...new Set(parsed.mentions.map((m) => m.handle))]);
    const entities = resolveEntities(parsed, new Map(mentioned.map((a) => [a.handle.toLowerCase(), a.id])));
    if (visibility === 'direct' && entities.mentions.length === 0) {
      throw socialError('direct_needs_mention', 'A direct post must @mention at least one existing account', [
        { field: 'text', message: 'mentions no existing account' },
      ]);
    }
    if (images.length > 0) await media.attachments.check(authorId, images, MAX_POST_MEDIA);
    await checkPolicy(principal, authorId, kind, visibility, input);
    return {
      id: newId(),
      media: images,
      authorId,
      kind,
      visibility,
      text: input.text,
      entities,
      inReplyToId: input.inReplyToId ?? null,
      quoteOfId: input.quoteOfId ?? null,
    };
  }

  /** Writes a prepared post and its event in the caller's transaction (another module's, for a deal). */
  async function write(trx: Executor, principal: Principal, post: PreparedPost): Promise<void> {
    const parent = post.inReplyToId ? await visibleRaw(trx, post.inReplyToId, principal) : undefined;
    if (parent?.reshare_of_id)
      throw socialError('reply_to_reshare', 'Reply to the original post, not to a reshare');
    const quoted = post.quoteOfId ? await quotable(trx, post.quoteOfId, principal) : undefined;
    const { id, authorId, visibility, entities } = post;
    await repo.insertPost(trx, {
      id,
      author_id: authorId,
      posted_by: principal.userId,
      kind: post.kind,
      text: post.text,
      visibility,
      in_reply_to_id: parent?.id ?? null,
      thread_root_id: parent?.thread_root_id ?? id,
      reshare_of_id: null,
      reshare_parent_id: null,
      quote_of_id: quoted?.id ?? null,
      entities,
      visible_from: post.visibleFrom ?? null,
    });
    if (post.media?.length)
      await media.attachments.replace(trx, 'post', id, authorId, post.media, MAX_POST_MEDIA);
    if (parent && visibility === 'public') await repo.bumpCounter(trx, parent.id, 'reply_count', 1);
    if (quoted) await repo.bumpCounter(trx, quoted.id, 'quote_count', 1);
    await events.emit(trx, 'post.created', id, {
      postId: id,
      authorId,
      postedBy: principal.userId,
      kind: post.kind,
      visibility,
      text: post.text,
      inReplyToId: parent?.id ?? null,
      inReplyToAuthorId: parent?.author_id ?? null,
      threadRootId: parent?.thread_root_id ?? id,
      reshareOfId: null,
      reshareOfAuthorId: null,
      reshareParentId: null,
      reshareParentAuthorId: null,
      quoteOfId: quoted?.id ?? null,
      quoteOfAuthorId: quoted?.author_id ?? null,
      mentionIds: [...new Set(entities.mentions.map((m) => m.accountId))],
      hashtags: [...new Set(entities.hashtags.map((h) => h.tag))],
      createdAt: new Date().toISOString(),
    });
  }

  return {
    actingAccount,

    prepare,
    write,

    async create(principal: Principal, input: CreatePostInput): Promise<string> {
      const prepared = await prepare(principal, input);
      await tx((trx) => write(trx, principal, prepared));
      return prepared.id;
    },

    /** Reshares a public post (or a reshare of one: the chain is kept); once per account and original. */
    async reshare(principal: Principal, postId: string, asHandle?: string): Promise<string> {
      const authorId = await actingAccount(principal, asHandle);
      const id = newId();
      await tx(async (trx) => {
        const target = await visibleRaw(trx, postId, principal);
        if (target.visibility !== 'public') {
          throw socialError('not_resharable', 'Only public posts can be reshared');
        }
        const originalId = target.reshare_of_id ?? target.id;
        const original = target.reshare_of_id ? await visibleRaw(trx, originalId, principal) : target;
        if (await repo.findActiveReshare(trx, originalId, authorId)) {
          throw socialError('already_reshared', 'Already reshared; undo the reshare by deleting it');
        }
        await repo.insertPost(trx, {
          id,
          author_id: authorId,
          posted_by: principal.userId,
          text: '',
          visibility: 'public',
          in_reply_to_id: null,
          thread_root_id: id,
          reshare_of_id: originalId,
          reshare_parent_id: target.id,
          entities: { mentions: [], hashtags: [], links: [] },
        });
        await repo.bumpCounter(trx, originalId, 'reshare_count', 1);
        await events.emit(trx, 'post.created', id, {
          postId: id,
          authorId,
          postedBy: principal.userId,
          kind: 'reshare',
          visibility: 'public',
          text: '',
          inReplyToId: null,
          inReplyToAuthorId: null,
          threadRootId: id,
          reshareOfId: originalId,
          reshareOfAuthorId: original.author_id,
          reshareParentId: target.id,
          reshareParentAuthorId: target.author_id,
          quoteOfId: null,
          quoteOfAuthorId: null,
          mentionIds: [],
          hashtags: [],
          createdAt: new Date().toISOString(),
        });
      }).catch((err) => {
        if (isUniqueViolation(err)) throw socialError('already_reshared', 'Already reshared');
        throw err;
      });
      return id;
    },

    async like(principal: Principal, postId: string): Promise<void> {
      await tx(async (trx) => {
        const post = await visibleRaw(trx, postId, principal);
        const targetId = post.reshare_of_id ?? post.id; // liking a reshare likes the original
        const target = targetId === post.id ? post : await visibleRaw(trx, targetId, principal);
        if (!(await repo.insertLike(trx, targetId, principal.userId))) return;
        await repo.bumpCounter(trx, targetId, 'like_count', 1);
        await events.emit(trx, 'post.liked', targetId, {
          postId: targetId,
          postAuthorId: target.author_id,
          likerId: principal.userId,
        });
      });
    },

    async unlike(principal: Principal, postId: string): Promise<void> {
      await tx(async (trx) => {
        const post = await visibleRaw(trx, postId, principal);
        const targetId = post.reshare_of_id ?? post.id;
        if (await repo.deleteLike(trx, targetId, principal.userId))
          await repo.bumpCounter(trx, targetId, 'like_count', -1);
      });
    },

    /** Deletes your own post (or your org's, when your role may post for it). Replies to it stay. */
    async remove(principal: Principal, postId: string): Promise<void> {
      await tx(async (trx) => {
        const post = await visibleRaw(trx, postId, principal);
        const mine = post.author_id === principal.userId || can(principal, post.author_id, 'postAsOrg');
        if (!mine) throw socialError('not_author', 'You can only delete your own posts');
        if (!(await repo.markDeleted(trx, postId))) throw postNotFound();
        if (post.reshare_of_id) await repo.bumpCounter(trx, post.reshare_of_id, 'reshare_count', -1);
        if (post.quote_of_id) await repo.bumpCounter(trx, post.quote_of_id, 'quote_count', -1);
        if (post.in_reply_to_id && post.visibility === 'public')
          await repo.bumpCounter(trx, post.in_reply_to_id, 'reply_count', -1);
        await events.emit(trx, 'post.deleted', postId, { postId, authorId: post.author_id });
      });
    },
  };
}

export type PostsService = ReturnType<typeof createPostsService>;
