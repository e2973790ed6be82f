import nodemailer from 'nodemailer';

export type OutgoingMessage = { to: string; subject: string; text: string; html: string };

/** Hands a message to an SMTP server; resolves once the server accepted it. */
export type SmtpSender = { send(message: OutgoingMessage): Promise<void>; close(): void };

/**
 * An SMTP sender for `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`; nodemailer's URL options such as
 * `?tls.rejectUnauthorized=false` work too). Short timeouts: a slow relay delays one message, not the sender.
 */
export function smtpSender(smtpUrl: string, from: string): SmtpSender {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}
