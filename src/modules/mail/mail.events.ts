/** Events the mail module emits. */
export type MailEvents = {
  /** A message was queued in the same transaction as the change it tells about; the sender picks it up. */
  'mail.queued': { messageId: string };
};
