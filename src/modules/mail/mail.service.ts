import { type Db, type Executor, ownTables } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import { type MailContent, renderMail } from './mail.render.ts';
import * as repo from './mail.repo.ts';
import type { MailTables } from './mail.tables.ts';
import type { SmtpSender } from './mail.transport.ts';

/** How long a claimed message is left to one sender before another may try it. */
const LEASE_SECONDS = 120;
/** Tries per message before it is parked with its error (`souk mail` shows it). */
export const MAIL_MAX_ATTEMPTS = 8;
const retryDelaySeconds = (attempts: number) => Math.min(3600, 30 * 2 ** (attempts - 1));

export type MailDeps = {
  db: Db;
  events: EventBus;
  /** The SMTP sender, or none: messages then stay in the local outbox. */
  smtp?: SmtpSender;
  log?: { warn(obj: object, msg: string): void };
};

/**
 * The one mail sender of the app. A module queues a message in the transaction of the change it tells about
 * (`queue`); the `mail.queued` subscriber sends it after that commits, never inside a request's transaction,
 * and a periodic sweep retries what failed, so each message is sent at least once. A claim is a lease on the
 * row, so senders on several processes do not send one message twice while it is in flight.
 */
export function createMailService({ db, events, smtp, log }: MailDeps) {
  const own = ownTables<MailTables>(db);
  const transport = smtp ? 'smtp' : 'outbox';

  async function deliver(id: string): Promise<boolean> {
    const message = await repo.claimMessage(own, id, LEASE_SECONDS);
    if (!message) return false;
    if (message.transport === 'outbox' || !smtp) {
      await repo.markSent(own, id, true);
      return true;
    }
    try {
      await smtp.send({
        to: message.to_address,
        subject: message.subject,
        text: message.text_body ?? '',
        html: message.html_body ?? '',
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const retry = message.attempts < MAIL_MAX_ATTEMPTS ? retryDelaySeconds(message.attempts) : null;
      await repo.markFailed(own, id, reason, retry);
      log?.warn({ err, messageId: id, attempts: message.attempts }, 'sending mail failed');
      return false;
    }
    await repo.markSent(own, id, false);
    return true;
  }

  events.subscribe('mail.send', 'mail.queued', async (event, ctx) => {
    // Sent after the delivery commits: a network call does not hold a transaction (or PGlite's one connection).
    ctx.afterCommit(() => void deliver(event.payload.messageId).catch(() => {}));
  });

  return {
    /** Where mail goes: an SMTP server, or the local outbox (`souk mail`). */
    transport,

    /** Queues a message in the caller's transaction; it is sent once that commits. */
    async queue(trx: Executor, to: string, content: MailContent): Promise<string> {
      const id = newId();
      const { text, html } = renderMail(content);
      await repo.insertMessage(ownTables<MailTables>(trx), {
        id,
        to_address: to,
        subject: content.subject,
        text_body: text,
        html_body: html,
        transport,
      });
      await events.emit(trx, 'mail.queued', id, { messageId: id });
      return id;
    },

    /** Sends every message whose turn has come (after a failure, or a sender that stopped mid-way). */
    async sendDue(limit = 50): Promise<number> {
      let sent = 0;
      for (const id of await repo.dueMessageIds(own, limit)) if (await deliver(id)) sent++;
      return sent;
    },

    close: () => smtp?.close(),
  };
}

export type MailService = ReturnType<typeof createMailService>;

/** Reading the mail record (the local outbox), for the admin's `souk mail`. */
export const mailOutbox = {
  list: (db: Db, options: { limit: number; to?: string }) =>
    repo.listMessages(ownTables<MailTables>(db), options.limit, options.to),
  show: (db: Db, id: string) => repo.findMessage(ownTables<MailTables>(db), id),
};
