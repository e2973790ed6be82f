import { Command } from 'commander';
import { mailOutbox } from '../modules/mail/index.ts';
import { positiveInt, withDatabase } from './main.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `souk mail`: the local outbox (mail when no SMTP_URL is set) and the record of what was sent. */
export function mailCommand(): Command {
  const mail = new Command('mail').description(
    'read outgoing mail: the local outbox when no SMTP_URL is set, and the record of what was sent',
  );
  mail
    .command('list', { isDefault: true })
    .description('the latest messages, newest first')
    .option('-n, --limit <n>', 'how many', positiveInt, 20)
    .option('--to <address>', 'only messages to this address')
    .action((opts: { limit: number; to?: string }) =>
      withDatabase(async ({ db }) => {
        const rows = await mailOutbox.list(db, { limit: opts.limit, to: opts.to });
        if (rows.length === 0) console.log('no mail yet');
        for (const m of rows) {
          const state = m.sent_at
            ? m.transport === 'outbox'
              ? 'in outbox'
              : 'sent by SMTP'
            : `not sent yet (${m.attempts} attempts${m.last_error ? `: ${m.last_error}` : ''})`;
          console.log(`${m.id}  ${m.created_at.toISOString()}  ${m.to_address}  "${m.subject}"  ${state}`);
        }
      }),
    );
  mail
    .command('show <id>')
    .description('one message with its plain-text body')
    .action((id: string) =>
      withDatabase(async ({ db }) => {
        if (!UUID.test(id)) throw new Error(`"${id}" is not a message id (see souk mail list)`);
        const m = await mailOutbox.show(db, id);
        if (!m) throw new Error(`no message ${id}`);
        console.log(`To: ${m.to_address}\nSubject: ${m.subject}\nDate: ${m.created_at.toISOString()}\n`);
        console.log(m.text_body ?? '(body not kept: an SMTP server took this message)');
      }),
    );
  return mail;
}
