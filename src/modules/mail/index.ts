import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import { createMailService } from './mail.service.ts';
import { smtpSender } from './mail.transport.ts';

export type { MailContent } from './mail.render.ts';
/** Reading the local outbox (and the record of sent mail), for `souk mail`. */
export { mailOutbox } from './mail.service.ts';

export type MailOptions = {
  /** `smtp://…` or `smtps://…`; unset: mail stays in the local outbox. */
  smtpUrl?: string;
  /** The From of every message. */
  from?: string;
};

export const DEFAULT_MAIL_FROM = 'Souk <no-reply@souk.localhost>';

/** The app's one mail sender: SMTP when `smtpUrl` is set, else the local outbox. */
export function createMailModule(deps: {
  db: Db;
  events: EventBus;
  options?: MailOptions;
  log?: { warn(obj: object, msg: string): void };
}) {
  const smtpUrl = deps.options?.smtpUrl;
  const service = createMailService({
    db: deps.db,
    events: deps.events,
    smtp: smtpUrl ? smtpSender(smtpUrl, deps.options?.from ?? DEFAULT_MAIL_FROM) : undefined,
    log: deps.log,
  });
  return { service };
}

export type MailModule = ReturnType<typeof createMailModule>;
