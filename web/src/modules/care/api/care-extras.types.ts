import type { ApiBody, ApiResponse } from '../../../shared/api/types.ts';
import type { ConversationDetail } from './care.types.ts';

/** The brand's reply limits: public replies to its own setting (1–500), direct messages to a fixed 500. */
export type InboxSettings = ApiResponse<'/orgs/{handle}/care/settings'>;
/** A public reply is a post, so a brand's limit stays within a post's 500 characters. */
export const MAX_PUBLIC_REPLY_LIMIT = 500;

export type MergeResult = ApiResponse<'/orgs/{handle}/care/conversations/{id}/merge', 'post'>;

/** What happened to a conversation besides its messages: merges, by whom and when. */
export type ConversationActivity = ConversationDetail['activity'][number];

/** An identity of the customer on another network, as the brand's customer 360 lists it (pending or confirmed). */
export type IdentityLink = ConversationDetail['customer360']['linkedIdentities'][number];

export type IdentityLinkStatus = IdentityLink['status'];

/** A link the brand just proposed: pending until the person answers. */
export type ProposedIdentityLink = ApiResponse<'/orgs/{handle}/care/customers/{id}/identity-links', 'post'>;

/** A link as the person sees it, with the brand that proposed it. */
export type MyIdentityLink = ApiResponse<'/me/care/identity-links'>['items'][number];

export type IdentityProposal = ApiBody<'/orgs/{handle}/care/customers/{id}/identity-links'>;
