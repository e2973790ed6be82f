import Type from 'typebox';
import type { SourceRow } from './sources.repo.ts';

const Iso = Type.String({ format: 'date-time' });
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Kind = Type.Union([Type.Literal('hashtag'), Type.Literal('account')]);
const PollEvery = Type.Integer({ minimum: 60, maximum: 86400, description: 'Seconds between polls' });

export const Source = Type.Object({
  id: Type.String(),
  network: Type.Literal('mastodon'),
  instanceUrl: Type.String(),
  kind: Kind,
  target: Type.String({ description: 'The hashtag (without #) or the account (name, name@host or id)' }),
  enabled: Type.Boolean(),
  pollEverySeconds: Type.Integer(),
  cursor: Nullable(
    Type.String({ description: 'The newest status id stored; the next poll asks for newer ones' }),
  ),
  nextPollAt: Nullable(Iso),
  lastPoll: Nullable(
    Type.Object({
      at: Iso,
      outcome: Type.Union([Type.Literal('ok'), Type.Literal('error'), Type.Literal('rate_limited')]),
      error: Nullable(Type.String()),
      stored: Type.Integer({ description: 'New mentions stored by that poll' }),
      skipped: Type.Integer({ description: 'Statuses passed over: boosts, empty or unreadable ones' }),
    }),
  ),
  totalStored: Type.Integer(),
  failuresInARow: Type.Integer(),
  createdAt: Iso,
});

export const SourceBody = Type.Object(
  {
    instanceUrl: Type.String({ minLength: 1, maxLength: 300, description: 'https://mastodon.example' }),
    kind: Kind,
    target: Type.String({ minLength: 1, maxLength: 320 }),
    pollEverySeconds: Type.Optional(PollEvery),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const SourceChange = Type.Object(
  { enabled: Type.Optional(Type.Boolean()), pollEverySeconds: Type.Optional(PollEvery) },
  { additionalProperties: false, minProperties: 1 },
);

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const presentSource = (s: SourceRow) => ({
  id: s.id,
  network: 'mastodon' as const,
  instanceUrl: s.instance_url,
  kind: s.kind,
  target: s.target,
  enabled: s.enabled,
  pollEverySeconds: s.poll_every_seconds,
  cursor: s.cursor,
  nextPollAt: s.enabled ? iso(s.next_poll_at) : null,
  lastPoll:
    s.last_polled_at && s.last_outcome
      ? {
          at: iso(s.last_polled_at)!,
          outcome: s.last_outcome,
          error: s.last_error,
          stored: s.last_stored,
          skipped: s.last_skipped,
        }
      : null,
  totalStored: s.total_stored,
  failuresInARow: s.failures,
  createdAt: iso(s.created_at)!,
});
