import type { ApiBody, ApiResponse } from '../../../shared/api/types.ts';

export type CannedReply = ApiResponse<'/orgs/{handle}/care/canned-replies'>['items'][number];
export type CannedReplyInput = ApiBody<'/orgs/{handle}/care/canned-replies'>;

/** The placeholders the server fills per conversation (GET …/conversations/:id/canned-replies/:cannedId). */
export const CANNED_VARIABLES: { name: string; meaning: string }[] = [
  { name: '{first_name}', meaning: 'the customer’s first name' },
  { name: '{name}', meaning: 'the customer’s full name' },
  { name: '{handle}', meaning: 'the customer’s @handle' },
  { name: '{brand}', meaning: 'the brand’s name' },
  { name: '{order_id}', meaning: 'the id of the customer’s latest order (private messages only)' },
  { name: '{order_ref}', meaning: 'a short reference to that order, e.g. #3F9A01C2 (private messages only)' },
];

/** An agent's proposal to turn a conversation into a request for proposals or an idea, in the customer's name. */
export type ConversionInput = ApiBody<'/orgs/{handle}/care/conversations/{id}/conversion-request'>;

/** A conversation as its customer sees it: what the brand asked of them and whether they may rate it. */
export type MyCareConversation = ApiResponse<'/me/care/conversations'>['items'][number];

/** The question the agent starts from; it names the page where the customer answers (Support in the navigation). */
export const DEFAULT_PRIVATE_QUESTION =
  'Could we continue by direct message? You can accept the request under Support in Souk.';
