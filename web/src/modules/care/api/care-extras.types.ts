import type { ApiBody, ApiResponse } from '../../../shared/api/types.ts';
import type { AccountSummary } from '../../identity/index.ts';

/** The brand's reply limits: public replies to its own setting (1–500), direct messages to a fixed 500. */
export type InboxSettings = ApiResponse<'/orgs/{handle}/care/settings'>;
/** A public reply is a post, so a brand's limit stays within a post's 500 characters. */
export const MAX_PUBLIC_REPLY_LIMIT = 500;

export type MergeResult = ApiResponse<'/orgs/{handle}/care/conversations/{id}/merge', 'post'>;

/**
 * What happened to a conversation besides its messages: merges, by whom and when, and triage changes a customer's
 * follow-up caused (actor null, `summary` says what changed).
 */
// generated once GET /orgs/{handle}/care/conversations/{id} has a response schema
export type ConversationActivity = {
  kind: 'merged_into' | 'merged_from' | 'triage_changed';
  actor: AccountSummary | null;
  conversationId: string | null;
  summary: string | null;
  at: string;
};

export type IdentityLink = ApiResponse<'/orgs/{handle}/care/customers/{id}/identity-links', 'post'>;

export type IdentityLinkStatus = IdentityLink['status'];

/** A link as the person sees it, with the brand that proposed it. */
export type MyIdentityLink = ApiResponse<'/me/care/identity-links'>['items'][number];

export type IdentityProposal = ApiBody<'/orgs/{handle}/care/customers/{id}/identity-links'>;
