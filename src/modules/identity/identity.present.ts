import type { Static } from 'typebox';
import type { AccountRow } from './identity.repo.ts';
import type { Account, AccountSummary } from './identity.schemas.ts';

export const iso = (d: Date) => d.toISOString();

export function presentSummary(row: AccountRow): AccountSummary {
  return {
    id: row.id,
    kind: row.kind,
    handle: row.handle,
    name: row.name,
    avatarUrl: row.avatar_url,
    verified: row.verified,
  };
}

export function presentAccount(row: AccountRow): Static<typeof Account> {
  return { ...presentSummary(row), bio: row.bio, links: row.links, createdAt: iso(row.created_at) };
}
