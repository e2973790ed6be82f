import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { ImagePicker } from '../../media/index.ts';
import type { ProfileLink, ProfilePatch } from '../api/identity.types.ts';

const MAX_LINKS = 5;
const BIO_MAX = 300;

type ProfileFormProps = {
  initial: { name: string; bio: string; avatarUrl: string | null; links: ProfileLink[] };
  /** Handle of the org whose profile this is, to upload its picture for it; unset for your own. */
  uploadAs?: string;
  mutation: UseMutationResult<unknown, Error, ProfilePatch>;
};

function LinksEditor({
  links,
  onChange,
  error,
}: {
  links: ProfileLink[];
  onChange: (l: ProfileLink[]) => void;
  error: ApiError | null;
}) {
  const set = (i: number, patch: Partial<ProfileLink>) =>
    onChange(links.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <fieldset className="links-editor">
      <legend>Links</legend>
      {links.map((link, i) => {
        const titleError = error?.fieldMessage(`links[${i}].title`);
        const urlError = error?.fieldMessage(`links[${i}].url`);
        const rowError = titleError ? `Title ${titleError}` : urlError ? `URL ${urlError}` : null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity
          <div key={i} className="link-row">
            <input
              aria-label={`Link ${i + 1} title`}
              aria-invalid={Boolean(titleError)}
              placeholder="Title (Shop, Blog…)"
              value={link.title}
              onChange={(e) => set(i, { title: e.target.value })}
            />
            <input
              aria-label={`Link ${i + 1} URL`}
              aria-invalid={Boolean(urlError)}
              placeholder="https://…"
              type="url"
              value={link.url}
              onChange={(e) => set(i, { url: e.target.value })}
            />
            <button
              type="button"
              className="btn btn-ghost btn-xs"
              onClick={() => onChange(links.filter((_, j) => j !== i))}
              aria-label={`Remove link ${i + 1}`}
            >
              Remove
            </button>
            {rowError && <p className="field-error">{`Link ${i + 1}: ${rowError}`}</p>}
          </div>
        );
      })}
      {links.length < MAX_LINKS && (
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={() => onChange([...links, { title: '', url: '' }])}
        >
          Add link
        </button>
      )}
    </fieldset>
  );
}

/** Name, bio, picture and links, for your own profile or an organization's. */
export function ProfileForm({ initial, mutation, uploadAs }: ProfileFormProps) {
  const [name, setName] = useState(initial.name);
  const [bio, setBio] = useState(initial.bio);
  const [avatarUrl, setAvatarUrl] = useState(initial.avatarUrl ?? '');
  const [links, setLinks] = useState<ProfileLink[]>(initial.links);
  const err = mutation.error instanceof ApiError ? mutation.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = links
      .filter((l) => l.title.trim() || l.url.trim())
      .map((l) => ({ title: l.title.trim(), url: l.url.trim() }));
    mutation.mutate({ name: name.trim(), bio, avatarUrl: avatarUrl.trim() || null, links: filled });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorBanner error={mutation.error} fields={['name', 'bio', 'avatarUrl', 'links']} />
      <Field label="Name" error={err?.fieldMessage('name')}>
        {(props) => (
          <input
            {...props}
            data-testid="settings-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field label="Bio" error={err?.fieldMessage('bio')} hint={`${Array.from(bio).length}/${BIO_MAX}`}>
        {(props) => (
          <textarea
            {...props}
            data-testid="settings-bio"
            rows={3}
            value={bio}
            onChange={(e) => setBio(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Avatar URL"
        error={err?.fieldMessage('avatarUrl')}
        hint="Upload a picture, or link a square image (https://…). Leave empty for initials."
      >
        {(props) => (
          <input
            {...props}
            type="url"
            data-testid="settings-avatar"
            value={avatarUrl}
            onChange={(e) => setAvatarUrl(e.target.value)}
          />
        )}
      </Field>
      <ImagePicker
        items={[]}
        max={1}
        as={uploadAs}
        label="Upload a picture"
        onChange={([picked]) => {
          if (picked) setAvatarUrl(picked.media.variants[picked.media.variants.length - 1]!.url);
        }}
      />
      <LinksEditor links={links} onChange={setLinks} error={err} />
      <div className="form-actions">
        {mutation.isSuccess && (
          <span className="success-text" role="status">
            Saved
          </span>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="settings-save"
          disabled={mutation.isPending}
        >
          {mutation.isPending ? 'Saving…' : 'Save profile'}
        </button>
      </div>
    </form>
  );
}
