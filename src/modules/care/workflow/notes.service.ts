import type { Db } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import { newId } from '../../../platform/ids.ts';
import { capabilities, type IdentityModule } from '../../identity/index.ts';
import { parseText } from '../../social/index.ts';
import * as repo from '../inbox/conversations.repo.ts';

type Deps = { db: Db; events: EventBus; identity: Pick<IdentityModule, 'accounts'> };

/**
 * The colleagues a note @mentions: accounts named in it that hold a role working this brand's inbox, never the
 * author. Anyone else (outsiders, members without an inbox role, unknown handles) is ignored, so a note never
 * reaches anyone who could not read it in the inbox.
 */
export async function mentionedColleagues(
  deps: Pick<Deps, 'identity'>,
  orgId: string,
  authorId: string,
  text: string,
): Promise<string[]> {
  const handles = [...new Set(parseText(text).mentions.map((m) => m.handle.toLowerCase()))];
  if (handles.length === 0) return [];
  const inboxRoles: readonly string[] = capabilities.workInbox;
  const workers = new Set(
    (await deps.identity.accounts.memberRoles(orgId))
      .filter((m) => inboxRoles.includes(m.role))
      .map((m) => m.user_id),
  );
  const accounts = await deps.identity.accounts.byHandles(handles);
  return accounts.filter((a) => a.id !== authorId && workers.has(a.id)).map((a) => a.id);
}

/** Adds an internal note; mentioned colleagues are told through the outbox, in the note's transaction. */
export async function addNote(
  deps: Deps,
  input: { orgId: string; conversationId: string; authorId: string; text: string },
) {
  const mentionIds = await mentionedColleagues(deps, input.orgId, input.authorId, input.text);
  const messageId = newId();
  await deps.events.transaction(deps.db, async (trx) => {
    await repo.insertMessage(trx, {
      id: messageId,
      conversation_id: input.conversationId,
      org_id: input.orgId,
      post_id: null,
      author_id: input.authorId,
      direction: 'note',
      visibility: 'internal',
      text: input.text,
      mention_ids: mentionIds,
    });
    if (mentionIds.length > 0)
      await deps.events.emit(trx, 'care.note.mentioned', input.conversationId, {
        orgId: input.orgId,
        conversationId: input.conversationId,
        messageId,
        authorId: input.authorId,
        mentionIds,
      });
  });
  return { id: messageId, mentionIds };
}
