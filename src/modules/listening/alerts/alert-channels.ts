import { createHmac } from 'node:crypto';
import type { Db } from '../../../platform/db/database.ts';
import { outboundFetch, PrivateAddressError } from '../../../platform/http/outbound.ts';
import { capabilities, type IdentityModule } from '../../identity/index.ts';
import type { MailModule } from '../../mail/index.ts';
import type { NotificationsModule } from '../../notifications/index.ts';
import type { AlertChannelName } from '../listening.tables.ts';

/** What every alert channel is told of a spike. */
export type SpikeAlert = {
  spikeId: string;
  orgId: string;
  orgHandle: string;
  topicId: string;
  topicName: string;
  startedAt: string;
  observed: number;
  expected: number;
  /** The spike's most over-represented terms. */
  why: string[];
  /** The topic's page in the web app. */
  url: string;
};

/** Where the brand's settings send the alert (addresses, webhook URL and key), resolved when it is delivered. */
export type AlertTarget = { emailTo: string[]; webhookUrl: string | null; webhookSecret: string | null };

/** One way of telling a brand of a spike. `send` throws when the alert did not get through (it is retried). */
export type AlertChannel = {
  name: AlertChannelName;
  send(alert: SpikeAlert, target: AlertTarget, delivery: { eventId: number; id: string }): Promise<void>;
};

/** How long a webhook may take to answer before the delivery counts as failed (and is retried later). */
export const WEBHOOK_TIMEOUT_MS = 5000;

/** The header a webhook receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-souk-signature';
export function signWebhook(secret: string, timestamp: number, body: string) {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const headline = (a: SpikeAlert) =>
  `Spike on “${a.topicName}”: ${a.observed} mentions against ${Math.round(a.expected * 10) / 10} expected`;

/** In the app: a notification to each member of the brand who may use listening. */
export function inAppChannel(deps: {
  identity: Pick<IdentityModule, 'accounts'>;
  notifications: Pick<NotificationsModule, 'service'>;
}): AlertChannel {
  return {
    name: 'in_app',
    async send(alert, _target, delivery) {
      const members = await deps.identity.accounts.memberRoles(alert.orgId);
      const listeners = members.filter((m) => (capabilities.listen as readonly string[]).includes(m.role));
      await deps.notifications.service.announce(
        delivery.eventId,
        listeners.map((m) => ({
          recipient_id: m.user_id,
          kind: 'listening_spike',
          actor_id: alert.orgId,
          org_id: alert.orgId,
          subject_id: alert.topicId,
          detail: {
            topic: alert.topicName,
            observed: String(alert.observed),
            expected: String(Math.round(alert.expected * 10) / 10),
            why: alert.why.join(', '),
            spikeId: alert.spikeId,
          },
        })),
      );
    },
  };
}

/** A signed JSON POST to the brand's URL; anything but a 2xx within the timeout is a failure. */
export function webhookChannel(allowPrivate: boolean): AlertChannel {
  return {
    name: 'webhook',
    async send(alert, target, delivery) {
      if (!target.webhookUrl || !target.webhookSecret) throw new Error('no webhook URL is set any more');
      const body = JSON.stringify({ type: 'listening.spike', deliveryId: delivery.id, spike: alert });
      const timestamp = Math.floor(Date.now() / 1000);
      let res: Response;
      try {
        res = await outboundFetch(
          target.webhookUrl,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Souk-Alerts/1',
              [SIGNATURE_HEADER]: signWebhook(target.webhookSecret, timestamp, body),
            },
            body,
            redirect: 'error',
            signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
          },
          allowPrivate,
        );
      } catch (err) {
        const reason = (err as { cause?: unknown }).cause;
        if (reason instanceof PrivateAddressError) throw new Error(`refused: ${reason.message}`);
        const cause = (reason as { code?: string } | undefined)?.code;
        const timedOut = (err as Error).name === 'TimeoutError';
        throw new Error(
          timedOut
            ? `no answer within ${WEBHOOK_TIMEOUT_MS} ms`
            : `cannot reach it (${cause ?? (err as Error).message})`,
        );
      }
      await res.body?.cancel().catch(() => {});
      if (!res.ok) throw new Error(`answered ${res.status}`);
    },
  };
}

/** Mail to the addresses the brand chose, through the mail module (which retries SMTP on its own). */
export function emailChannel(deps: { db: Db; mail: Pick<MailModule, 'service'> }): AlertChannel {
  return {
    name: 'email',
    async send(alert, target) {
      if (target.emailTo.length === 0) throw new Error('no address is set any more');
      await deps.db.transaction().execute(async (trx) => {
        for (const to of target.emailTo)
          await deps.mail.service.queue(trx, to, {
            subject: headline(alert),
            paragraphs: [
              `${headline(alert)} since ${new Date(alert.startedAt).toUTCString()}.`,
              alert.why.length > 0
                ? `What is over-represented: ${alert.why.join(', ')}.`
                : 'See the topic page for why.',
            ],
            action: { label: 'Open the topic', url: alert.url },
          });
      });
    },
  };
}
