import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { toLocalInput } from '../../../shared/format/date.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { useAdvocateSegments, useBrandTiers } from '../../advocates/index.ts';
import { ideasApi } from '../api/ideas.api.ts';

const WEEK_MS = 7 * 24 * 3600_000;

/**
 * Start a private challenge (the brand's marketers): a brief, a deadline and whom to invite, a tier of the brand's
 * advocates and those above it (the co-design perk), a saved segment, or named people.
 */
export function ChallengeForm({ handle }: { handle: string }) {
  const tiers = useBrandTiers(handle);
  const segments = useAdvocateSegments(handle);
  const client = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [closesAt, setClosesAt] = useState(() => toLocalInput(new Date(Date.now() + 2 * WEEK_MS)));
  const [invite, setInvite] = useState('');
  const [people, setPeople] = useState('');
  const create = useMutation({
    mutationFn: () =>
      ideasApi.createChallenge(handle, {
        title: title.trim(),
        description: description.trim(),
        closesAt: new Date(closesAt).toISOString(),
        ...(invite.startsWith('tier:') ? { tier: invite.slice(5) } : {}),
        ...(invite.startsWith('segment:') ? { segmentId: invite.slice(8) } : {}),
        invitees: people
          .split(/[\s,]+/)
          .map((h) => h.replace(/^@/, ''))
          .filter(Boolean),
      }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ['ideas', handle, 'challenges'] });
      navigate(`/challenges/${c.id}`);
    },
  });
  const server = (field: string) =>
    create.error instanceof ApiError ? create.error.fieldMessage(field) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="form challenge-form" onSubmit={submit} data-testid="challenge-form" noValidate>
      <h3>New private challenge</h3>
      <Field label="Title" error={server('title')}>
        {(p) => (
          <input
            {...p}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="challenge-title"
          />
        )}
      </Field>
      <Field label="Brief" error={server('description')}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="challenge-description"
          />
        )}
      </Field>
      <Field label="Closes" error={server('closesAt')}>
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            data-testid="challenge-closes"
          />
        )}
      </Field>
      <Field
        label="Invite"
        error={server('tier') ?? server('segmentId')}
        hint="Invite a tier to co-design: its members and those above it see the challenge."
      >
        {(p) => (
          <select
            {...p}
            value={invite}
            onChange={(e) => setInvite(e.target.value)}
            data-testid="challenge-invite"
          >
            <option value="">Only the people named below</option>
            {(tiers.data?.tiers ?? []).map((t) => (
              <option key={t.key} value={`tier:${t.key}`}>
                Tier: {t.name} and above
              </option>
            ))}
            {(segments.data?.items ?? []).map((s) => (
              <option key={s.id} value={`segment:${s.id}`}>
                Advocate segment: {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Also invite (handles)" error={server('invitees')}>
        {(p) => (
          <input
            {...p}
            value={people}
            placeholder="@ana @sam"
            onChange={(e) => setPeople(e.target.value)}
            data-testid="challenge-people"
          />
        )}
      </Field>
      <ErrorBanner
        error={create.error}
        fields={['title', 'description', 'closesAt', 'tier', 'segmentId', 'invitees']}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={create.isPending}
          data-testid="challenge-submit"
        >
          Start challenge
        </button>
      </div>
    </form>
  );
}
