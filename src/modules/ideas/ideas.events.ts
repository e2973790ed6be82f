/** Events the ideas module emits: notifications tells voters and followers, a rewards ledger counts contribution. */
export type IdeasEvents = {
  /** `careConversationId`: the care conversation it came from (care links it back). */
  'ideas.idea_posted': { ideaId: string; orgId: string; authorId: string; careConversationId: string | null };
  /** `recipientIds`: everyone who voted for or followed the idea (and merged duplicates), to hear where to buy. */
  'ideas.idea_shipped': {
    ideaId: string;
    orgId: string;
    title: string;
    productIds: string[];
    recipientIds: string[];
  };
  /** The author of a shipped idea earned contribution points; a rewards ledger credits them once per idea. */
  'ideas.idea_implemented_contribution': { ideaId: string; orgId: string; personId: string; points: number };
};
