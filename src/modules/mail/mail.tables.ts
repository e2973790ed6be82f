import type { Generated } from 'kysely';

/** Where a message goes: an SMTP server (SMTP_URL), or the local outbox an admin reads with `souk mail`. */
export type MailTransportKind = 'smtp' | 'outbox';

export interface MailMessagesTable {
  id: string;
  to_address: string;
  subject: string;
  /** The bodies; dropped once an SMTP server took the message (they may carry single-use links). */
  text_body: string | null;
  html_body: string | null;
  transport: MailTransportKind;
  created_at: Generated<Date>;
  sent_at: Date | null;
  attempts: Generated<number>;
  /** When the sender may (re)try; a claim pushes it forward as a lease, so two senders never overlap. */
  next_attempt_at: Generated<Date>;
  last_error: string | null;
}

export type MailTables = { mail_messages: MailMessagesTable };
