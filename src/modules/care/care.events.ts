/** Events the care module emits. */
export type CareEvents = {
  /** An internal note @mentioned colleagues who work the inbox; they are told, with a link to the conversation. */
  'care.note.mentioned': {
    orgId: string;
    conversationId: string;
    messageId: string;
    authorId: string;
    mentionIds: string[];
  };
  /** A brand proposed that its customer is also `handle` on `network`; only the person may confirm it. */
  'care.identity-link.proposed': {
    orgId: string;
    linkId: string;
    customerId: string;
    proposedBy: string;
    network: string;
    handle: string;
    url: string | null;
  };
};
