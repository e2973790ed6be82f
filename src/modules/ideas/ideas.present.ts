import type { Executor } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { type AccountRow, type IdentityModule, presentSummary, roleIn } from '../identity/index.ts';
import * as repo from './ideas.repo.ts';
import type { IdeasTables } from './ideas.tables.ts';

type Accounts = Pick<IdentityModule['accounts'], 'byIds'>;

/** Ideas as a caller sees them: accounts by summary, the caller's own votes, the care link for the brand only. */
export async function presentIdeas(
  db: Executor<IdeasTables>,
  accounts: Accounts,
  rows: repo.IdeaRow[],
  principal: Principal | null,
) {
  const ids = [...new Set(rows.flatMap((r) => [r.org_id, r.author_id, ...(r.owner_id ? [r.owner_id] : [])]))];
  const byId = new Map((await accounts.byIds(ids)).map((a) => [a.id, a] as const));
  const mine = principal
    ? await repo.votesOf(
        db,
        principal.userId,
        rows.map((r) => r.id),
      )
    : new Map<string, number>();
  const summary = (id: string | null) => {
    const a: AccountRow | undefined = id ? byId.get(id) : undefined;
    return a ? presentSummary(a) : null;
  };
  return rows.flatMap((r) => {
    const org = summary(r.org_id);
    if (!org) return [];
    return [
      {
        id: r.id,
        org,
        author: summary(r.author_id),
        title: r.title,
        description: r.description,
        category: r.category,
        imageUrls: r.image_urls,
        status: r.status,
        declinedReason: r.declined_reason,
        owner: summary(r.owner_id),
        mergedIntoId: r.merged_into_id,
        careConversationId: roleIn(principal, r.org_id) ? r.care_conversation_id : null,
        votes: r.votes,
        comments: r.comments,
        yourVotes: mine.get(r.id) ?? 0,
        createdAt: r.created_at.toISOString(),
        shippedAt: r.shipped_at ? r.shipped_at.toISOString() : null,
        challengeId: r.challenge_id,
        hidden: r.hidden_at !== null,
      },
    ];
  });
}

export type IdeaJson = Awaited<ReturnType<typeof presentIdeas>>[number];
