import type { AccountSummary } from '../../identity/api/identity.types.ts';

/** The brand's reply limits: public replies to its own setting (1–500), direct messages to a fixed 500. */
export type InboxSettings = { publicReplyLimit: number; privateReplyLimit: number };
/** A public reply is a post, so a brand's limit stays within a post's 500 characters. */
export const MAX_PUBLIC_REPLY_LIMIT = 500;

export type MergeResult = { id: string; mergedIntoId: string; mergedAt: string; movedMessages: number };

/** What happened to a conversation besides its messages: merges, by whom and when. */
export type ConversationActivity = {
  kind: 'merged_into' | 'merged_from';
  actor: AccountSummary | null;
  conversationId: string | null;
  at: string;
};

export type IdentityLinkStatus = 'pending' | 'confirmed' | 'declined' | 'removed';

export type IdentityLink = {
  id: string;
  network: string;
  handle: string;
  url: string | null;
  status: IdentityLinkStatus;
  proposedAt: string;
  decidedAt: string | null;
};

/** A link as the person sees it, with the brand that proposed it. */
export type MyIdentityLink = IdentityLink & { brand: AccountSummary | null };

export type IdentityProposal = { network: string; handle: string; url?: string };
