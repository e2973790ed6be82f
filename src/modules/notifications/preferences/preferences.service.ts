import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Db, type Executor, ownTables } from '../../../platform/db/database.ts';
import type { PersonalDataPart } from '../../../platform/personal-data.ts';
import type { IdentityModule } from '../../identity/index.ts';
import type { MailModule } from '../../mail/index.ts';
import { notificationsError } from '../notifications.errors.ts';
import type { NotificationKind, NotificationTables } from '../notifications.tables.ts';
import { KIND_SETTINGS, NOTIFICATION_KINDS, SECURITY_KIND } from './preferences.kinds.ts';
import { notificationMail } from './preferences.mail.ts';
import * as repo from './preferences.repo.ts';

export type PreferencesDeps = {
  db: Db;
  identity: Pick<IdentityModule, 'accounts'>;
  mail: Pick<MailModule, 'service'>;
  /** The web app's address, for links in mail. */
  publicUrl: string;
};

type Channels = { inApp: boolean; email: boolean };

/** A notification about to be written, as the preferences see it. */
export type Outgoing = {
  recipient_id: string;
  kind: NotificationKind;
  actor_id: string;
  post_id: string | null;
  subject_id?: string | null;
  detail?: string | null;
};

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/**
 * Which notifications a person gets in the app and by mail. A kind without a stored choice uses its default
 * (`KIND_SETTINGS`). Mail goes only to a confirmed address, once per notification (a record per event,
 * recipient and kind), through the mail module, with a signed link that turns that kind of mail off.
 */
export function createPreferencesService({ db, identity, mail, publicUrl }: PreferencesDeps) {
  const own = ownTables<NotificationTables>(db);
  let key: string | undefined;
  /** The signing key, read once; `executor` is the caller's transaction when there is one (PGlite has one connection). */
  const sign = async (accountId: string, kind: string, executor: Executor = db) => {
    key ??= await repo.signingKey(ownTables<NotificationTables>(executor));
    return createHmac('sha256', key).update(`unsubscribe:${accountId}:${kind}`).digest('base64url');
  };

  async function unsubscribeToken(accountId: string, kind: NotificationKind, executor: Executor = db) {
    return `${b64(accountId)}.${b64(kind)}.${await sign(accountId, kind, executor)}`;
  }

  /** The account and kind an unsubscribe token names, or a 400 when it was altered. */
  async function readToken(token: string): Promise<{ accountId: string; kind: NotificationKind }> {
    const invalid = () => notificationsError('unsubscribe_invalid', 'This unsubscribe link is not valid');
    const parts = token.split('.');
    if (parts.length !== 3) throw invalid();
    const accountId = Buffer.from(parts[0], 'base64url').toString();
    const kind = Buffer.from(parts[1], 'base64url').toString() as NotificationKind;
    if (!NOTIFICATION_KINDS.includes(kind)) throw invalid();
    const expected = Buffer.from(await sign(accountId, kind));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    return { accountId, kind };
  }

  /** Stored choices merged over the defaults, per account and kind. */
  async function channelsOf(executor: Executor, accountIds: string[]) {
    const stored = await repo.preferencesOf(ownTables<NotificationTables>(executor), accountIds);
    const byKey = new Map(
      stored.map((r) => [`${r.account_id}:${r.kind}`, { inApp: r.in_app, email: r.email }]),
    );
    return (accountId: string, kind: NotificationKind): Channels =>
      byKey.get(`${accountId}:${kind}`) ?? { inApp: true, email: KIND_SETTINGS[kind].email };
  }

  function present(kind: NotificationKind, channels: Channels) {
    return {
      kind,
      label: KIND_SETTINGS[kind].label,
      group: KIND_SETTINGS[kind].group,
      ...channels,
      locked: false,
    };
  }

  return {
    unsubscribeToken,

    /** The person's notifications and settings in their export; on closing, both go. */
    personalData: {
      name: 'notifications',
      async export(personId: string) {
        const channels = await channelsOf(db, [personId]);
        const rows = await repo.notificationsOf(own, personId);
        return {
          preferences: NOTIFICATION_KINDS.map((kind) => ({ kind, ...channels(personId, kind) })),
          notifications: rows.map((r) => ({
            kind: r.kind,
            actorId: r.actor_id,
            postId: r.post_id,
            subjectId: r.subject_id,
            createdAt: r.created_at.toISOString(),
            read: r.read_at !== null,
          })),
        };
      },
      async erase(trx: Executor, personId: string) {
        const mine = ownTables<NotificationTables>(trx);
        await repo.deleteNotifications(mine, personId);
        await repo.deletePreferences(mine, personId);
      },
    } satisfies PersonalDataPart,

    /** Every kind with its channels for a person, and the locked account-security mail. */
    async list(accountId: string) {
      const channels = await channelsOf(db, [accountId]);
      const [confirmed] = await identity.accounts.confirmedEmails([accountId]);
      return {
        emailConfirmed: Boolean(confirmed),
        items: [
          ...NOTIFICATION_KINDS.map((kind) => present(kind, channels(accountId, kind))),
          {
            kind: SECURITY_KIND,
            label: 'Your account’s security (password reset, email change)',
            group: 'Account' as const,
            inApp: false,
            email: true,
            locked: true,
          },
        ],
      };
    },

    async set(accountId: string, kind: NotificationKind | typeof SECURITY_KIND, channels: Channels) {
      if (kind === SECURITY_KIND)
        throw notificationsError('preference_locked', 'Mail about your account’s security is always sent');
      await repo.setPreference(own, {
        account_id: accountId,
        kind,
        in_app: channels.inApp,
        email: channels.email,
      });
      return present(kind, channels);
    },

    /** Turns off mail of the kind a signed link names; no sign-in needed. */
    async unsubscribe(token: string) {
      const { accountId, kind } = await readToken(token);
      const current = (await channelsOf(db, [accountId]))(accountId, kind);
      await repo.setPreference(own, { account_id: accountId, kind, in_app: current.inApp, email: false });
      return present(kind, { ...current, email: false });
    },

    /**
     * Splits notifications about to be written by what each recipient wants: those to show in the app, and a
     * mail (queued in the event's transaction, once per recipient, event and kind) for those who want mail.
     */
    async route<T extends Outgoing>(trx: Executor, sourceEventId: number, items: T[]): Promise<T[]> {
      if (items.length === 0) return [];
      const channels = await channelsOf(
        trx,
        items.map((i) => i.recipient_id),
      );
      const byMail = items.filter((i) => channels(i.recipient_id, i.kind).email);
      if (byMail.length > 0) {
        const addresses = new Map(
          (await identity.accounts.confirmedEmails([...new Set(byMail.map((i) => i.recipient_id))], trx)).map(
            (a) => [a.id, a],
          ),
        );
        const toMail = byMail.filter((i) => addresses.has(i.recipient_id));
        const claimed = new Set(
          (
            await repo.claimMails(
              ownTables<NotificationTables>(trx),
              toMail.map((i) => ({
                recipient_id: i.recipient_id,
                source_event_id: sourceEventId,
                kind: i.kind,
              })),
            )
          ).map((r) => `${r.recipient_id}:${r.kind}`),
        );
        const actors = new Map(
          (await identity.accounts.byIds([...new Set(toMail.map((i) => i.actor_id))], trx)).map((a) => [
            a.id,
            a,
          ]),
        );
        for (const item of toMail) {
          const actor = actors.get(item.actor_id);
          if (!actor || !claimed.has(`${item.recipient_id}:${item.kind}`)) continue;
          const to = addresses.get(item.recipient_id)!;
          const token = await unsubscribeToken(item.recipient_id, item.kind, trx);
          await mail.service.queue(
            trx,
            to.email,
            notificationMail(
              {
                kind: item.kind,
                recipientName: to.name,
                actorName: actor.name,
                actorHandle: actor.handle,
                postId: item.post_id,
                subjectId: item.subject_id ?? null,
                detail: item.detail ? (JSON.parse(item.detail) as Record<string, string>) : null,
              },
              publicUrl,
              `${publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`,
            ),
          );
        }
      }
      return items.filter((i) => channels(i.recipient_id, i.kind).inApp);
    },
  };
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;
