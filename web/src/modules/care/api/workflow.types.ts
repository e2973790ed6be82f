import type { AccountSummary } from '../../identity/api/identity.types.ts';
import type { ConversationStatus, PrivateConsent } from './care.types.ts';

export type CannedReply = { id: string; title: string; body: string };
export type CannedReplyInput = { title: string; body: string };

/** The placeholders the server fills per conversation (GET …/conversations/:id/canned-replies/:cannedId). */
export const CANNED_VARIABLES: { name: string; meaning: string }[] = [
  { name: '{first_name}', meaning: 'the customer’s first name' },
  { name: '{name}', meaning: 'the customer’s full name' },
  { name: '{handle}', meaning: 'the customer’s @handle' },
  { name: '{brand}', meaning: 'the brand’s name' },
  { name: '{order_id}', meaning: 'the customer’s latest order with the brand' },
];

/** A conversation as its customer sees it: what the brand asked of them and whether they may rate it. */
export type MyCareConversation = {
  id: string;
  brand: AccountSummary | null;
  status: ConversationStatus;
  /** The start of the person's first message in it, and the post it came from. */
  firstMessage: string | null;
  postId: string | null;
  privateConsent: PrivateConsent;
  rating: number | null;
  canRate: boolean;
  openedAt: string;
};

/** The question the agent starts from; it names the page where the customer answers (Support in the navigation). */
export const DEFAULT_PRIVATE_QUESTION =
  'Could we continue by direct message? You can accept the request under Support in Souk.';
