import { randomBytes } from 'node:crypto';
import { type Db, ownTables } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { privateHostReason } from '../../../platform/http/outbound.ts';
import { newId } from '../../../platform/ids.ts';
import type { LiveHub } from '../../../platform/live/live-hub.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { listeningError } from '../listening.errors.ts';
import type { AlertChannelName, ListeningTables } from '../listening.tables.ts';
import type { AlertChannel, AlertTarget, SpikeAlert } from './alert-channels.ts';
import * as repo from './alerts.repo.ts';

/** Tries per delivery before it is given up (kept as failed with its last error). */
export const ALERT_MAX_ATTEMPTS = 6;
/** Backoff between tries: 30 s, 1 min, 2 min … at most an hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(3600, 30 * 2 ** (attempts - 1));
/** A claimed delivery is left to its sender this long (longer than a webhook may take) before another may try. */
const LEASE_SECONDS = 60;
const MAX_EMAILS = 10;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export type AlertSettingsInput = { inApp: boolean; emailTo: string[]; webhookUrl: string | null };

/**
 * Spike alerts: the `listening.spike_detected` subscriber records one delivery per channel the brand chose (in the
 * app by default; a signed webhook; mail), and a live event for open topic pages. Deliveries are sent after commit
 * and retried with backoff by the spike sweep; a redelivered event records nothing new, so a spike alerts once.
 */
export function createAlertsService(deps: {
  db: Db;
  events: EventBus;
  live: LiveHub;
  identity: Pick<IdentityModule, 'accounts' | 'orgs'>;
  channels: AlertChannel[];
  publicUrl: string;
  /** Whether a webhook may be on loopback or a private network. */
  outboundPrivate: boolean;
  log?: { warn(obj: object, msg: string): void };
}) {
  const { db, events, live, identity } = deps;
  const own = ownTables<ListeningTables>(db);
  const channelOf = new Map(deps.channels.map((c) => [c.name, c]));
  const orgFor = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'listen');

  async function targetOf(orgId: string): Promise<AlertTarget & { inApp: boolean }> {
    const s = await repo.settingsOf(own, orgId);
    return {
      inApp: s?.in_app ?? true,
      emailTo: s?.email_to ?? [],
      webhookUrl: s?.webhook_url ?? null,
      webhookSecret: s?.webhook_secret ?? null,
    };
  }

  events.subscribe('listening.alerts', 'listening.spike_detected', async (event, ctx) => {
    const p = event.payload;
    const tx = ownTables<ListeningTables>(ctx.trx as Db);
    const s = await repo.settingsOf(tx, p.orgId);
    const chosen: AlertChannelName[] = [];
    if (s?.in_app ?? true) chosen.push('in_app');
    if (s?.webhook_url) chosen.push('webhook');
    if (s && s.email_to.length > 0) chosen.push('email');
    const handle = (await identity.accounts.byIds([p.orgId], ctx.trx))[0]?.handle ?? '';
    const alert: SpikeAlert = {
      ...p,
      orgHandle: handle,
      url: `${deps.publicUrl}/orgs/${handle}/listening/topics/${p.topicId}`,
    };
    const added = await repo.insertDeliveries(
      tx,
      chosen.map((channel) => ({
        id: newId(),
        org_id: p.orgId,
        spike_id: p.spikeId,
        channel,
        event_id: event.id,
        alert: JSON.stringify(alert),
      })),
    );
    ctx.afterCommit(() => {
      live.publish([p.orgId], { event: 'listening.spike', data: { spikeId: p.spikeId, topicId: p.topicId } });
      if (added > 0) void deliverDue({ orgId: p.orgId }).catch(() => {});
    });
  });

  /** Sends what is due at `now` (of one brand, or all), each on its own: a slow webhook holds up no other. */
  async function deliverDue(options: { orgId?: string; now?: Date } = {}) {
    const now = options.now ?? new Date();
    const claimed = await repo.claimDue(own, now, 20, LEASE_SECONDS, options.orgId);
    await Promise.all(
      claimed.map(async (d) => {
        const channel = channelOf.get(d.channel);
        try {
          if (!channel) throw new Error(`no ${d.channel} channel in this server`);
          await channel.send(d.alert as SpikeAlert, await targetOf(d.org_id), {
            eventId: d.event_id,
            id: d.id,
          });
          await repo.markSent(own, d.id);
        } catch (err) {
          const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
          const retryAt =
            d.attempts < ALERT_MAX_ATTEMPTS
              ? new Date(now.getTime() + retryDelaySeconds(d.attempts) * 1000)
              : null;
          await repo.markFailed(own, d.id, reason, retryAt);
          deps.log?.warn(
            { deliveryId: d.id, channel: d.channel, attempts: d.attempts, reason },
            'spike alert failed',
          );
        }
      }),
    );
    return claimed.length;
  }

  const present = (s: Awaited<ReturnType<typeof targetOf>>) => ({
    inApp: s.inApp,
    emailTo: s.emailTo,
    webhookUrl: s.webhookUrl,
    webhookSecret: s.webhookSecret,
  });

  return {
    deliverDue,
    async settings(principal: Principal, handle: string) {
      const org = await orgFor(principal, handle);
      return present(await targetOf(org.id));
    },
    async updateSettings(principal: Principal, handle: string, input: AlertSettingsInput) {
      const org = await orgFor(principal, handle);
      const emailTo = [...new Set(input.emailTo.map((e) => e.trim().toLowerCase()))];
      const bad = emailTo.find((e) => !EMAIL.test(e) || e.length > 254);
      if (bad !== undefined || emailTo.length > MAX_EMAILS)
        throw listeningError(
          'invalid_alert_settings',
          bad !== undefined ? `“${bad}” is not a mail address` : `At most ${MAX_EMAILS} addresses`,
          [
            {
              field: 'emailTo',
              message:
                bad !== undefined ? `${bad} is not a mail address` : `has more than ${MAX_EMAILS} addresses`,
            },
          ],
        );
      let webhookUrl: string | null = input.webhookUrl?.trim() || null;
      if (webhookUrl) {
        let url: URL | null = null;
        try {
          url = new URL(webhookUrl);
        } catch {
          url = null;
        }
        if (!url || !['http:', 'https:'].includes(url.protocol) || webhookUrl.length > 2000)
          throw listeningError('invalid_alert_settings', 'The webhook URL must be an http(s) address', [
            { field: 'webhookUrl', message: 'is not an http(s) URL' },
          ]);
        const inside = deps.outboundPrivate ? null : privateHostReason(url.hostname);
        if (inside)
          throw listeningError(
            'invalid_alert_settings',
            `The webhook URL must be on the public internet: ${inside}`,
            [{ field: 'webhookUrl', message: `is not on the public internet (${inside})` }],
          );
        webhookUrl = url.toString();
      }
      const current = await targetOf(org.id);
      await repo.saveSettings(own, {
        org_id: org.id,
        in_app: input.inApp,
        email_to: emailTo,
        webhook_url: webhookUrl,
        // The signing key is made once and kept while a URL is set.
        webhook_secret: webhookUrl ? (current.webhookSecret ?? randomBytes(24).toString('base64url')) : null,
      });
      return present(await targetOf(org.id));
    },
    async deliveries(principal: Principal, handle: string) {
      const org = await orgFor(principal, handle);
      return repo.deliveriesOf(own, org.id, 50);
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
