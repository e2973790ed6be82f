import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { LiveHub } from '../../../platform/live/live-hub.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import type { Priority } from '../care.tables.ts';
import { messagesOf } from '../inbox/conversations.repo.ts';
import { conversationTriage } from '../workflow/routing.policy.ts';
import * as repo from './merge.repo.ts';

const PRIORITY_ORDER: Priority[] = ['low', 'normal', 'high', 'urgent'];

/** A merged conversation is closed: its messages live on in the conversation it was merged into. */
export function assertNotMerged(row: { merged_into_id: string | null }) {
  if (row.merged_into_id) {
    throw careError(
      'conversation_merged',
      'This conversation was merged into another one; work on that one instead',
    ).withDetails({ mergedIntoId: row.merged_into_id });
  }
}

/** Merging two conversations of the same customer with the same brand into one. */
export function createMergeService({
  db,
  live,
  identity,
}: {
  db: Db;
  live: LiveHub;
  identity: Pick<IdentityModule, 'orgs'>;
}) {
  return {
    /**
     * Moves the messages, notes and tags of conversation `id` into `targetId` and closes `id` as merged into it,
     * recording who merged and when on both. Only within one brand and for the same customer.
     */
    async merge(principal: Principal, handle: string, id: string, targetId: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'workInbox');
      if (id === targetId)
        throw careError('merge_into_itself', 'A conversation cannot be merged into itself', [
          { field: 'targetId', message: 'is this conversation' },
        ]);
      const at = new Date();
      const moved = await db.transaction().execute(async (trx) => {
        const rows = await repo.lockConversations(trx, org.id, [id, targetId]);
        const source = rows.find((r) => r.id === id);
        const target = rows.find((r) => r.id === targetId);
        if (!source) throw careError('conversation_not_found', 'Conversation not found');
        // Whether it exists in another brand or nowhere, the answer is the same: not in this inbox.
        if (!target)
          throw careError('merge_target_not_found', 'No such conversation in this inbox', [
            { field: 'targetId', message: 'is not a conversation of this brand' },
          ]);
        assertNotMerged(source);
        if (target.merged_into_id)
          throw careError('merge_target_merged', 'That conversation was itself merged into another one');
        if (source.customer_id !== target.customer_id)
          throw careError('merge_customer_mismatch', 'Only conversations of the same customer can be merged');
        const count = await repo.moveMessages(trx, org.id, id, targetId);
        // What the merged conversation is about follows all its open messages now (a complaint merged into a
        // thank-you makes it a complaint).
        const triage = conversationTriage(await messagesOf(trx, targetId));
        const higher = (a: Priority, b: Priority) =>
          PRIORITY_ORDER.indexOf(a) >= PRIORITY_ORDER.indexOf(b) ? a : b;
        await repo.absorb(trx, targetId, {
          ...(triage
            ? {
                intent: triage.intent,
                intent_confidence: triage.intentConfidence,
                sentiment: triage.sentiment,
              }
            : {}),
          tags: [...new Set([...target.tags, ...source.tags])],
          priority: higher(target.priority, source.priority),
          // Work still open on the merged conversation keeps the target open.
          ...(target.status === 'resolved' && source.status !== 'resolved' ? { status: source.status } : {}),
          last_customer_message_at: new Date(
            Math.max(source.last_customer_message_at.getTime(), target.last_customer_message_at.getTime()),
          ),
        });
        await repo.markMerged(trx, org.id, id, targetId, at);
        await repo.insertActivity(trx, [
          {
            id: newId(),
            org_id: org.id,
            conversation_id: id,
            actor_id: principal.userId,
            kind: 'merged_into',
            other_conversation_id: targetId,
          },
          {
            id: newId(),
            org_id: org.id,
            conversation_id: targetId,
            actor_id: principal.userId,
            kind: 'merged_from',
            other_conversation_id: id,
          },
        ]);
        return count;
      });
      for (const conversationId of [id, targetId])
        live.publish([org.id], { event: 'care.conversation', data: { conversationId, orgId: org.id } });
      return { id, mergedIntoId: targetId, mergedAt: at.toISOString(), movedMessages: moved };
    },
  };
}

export type MergeService = ReturnType<typeof createMergeService>;
