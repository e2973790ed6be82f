import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { OrgInput } from '../api/identity.types.ts';
import { useCreateOrg } from '../hooks/use-orgs.ts';

const KINDS: { kind: OrgInput['kind']; title: string; text: string }[] = [
  { kind: 'brand', title: 'Brand', text: 'You make or own the products: post, sell and care for customers.' },
  { kind: 'reseller', title: 'Reseller', text: 'You sell other brands’ products as a shop or marketplace.' },
];

/** Create a brand or reseller account; you become its owner. */
export function OrgNewPage() {
  const navigate = useNavigate();
  const create = useCreateOrg();
  const [form, setForm] = useState<OrgInput>({ handle: '', name: '', kind: 'brand', bio: '' });
  const err = create.error instanceof ApiError ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { ...form, handle: form.handle.replace(/^@/, ''), bio: form.bio?.trim() || undefined };
    create.mutate(body, { onSuccess: (org) => navigate(`/orgs/${org.handle}/manage`) });
  };

  return (
    <>
      <PageHeader title="New organization" back />
      <section className="panel">
        <form className="form" onSubmit={submit} noValidate>
          <ErrorBanner error={create.error} fields={['handle', 'name', 'kind', 'bio']} />
          <fieldset className="kind-picker">
            <legend>Kind</legend>
            {KINDS.map((k) => (
              <label key={k.kind} className={form.kind === k.kind ? 'kind-option selected' : 'kind-option'}>
                <input
                  type="radio"
                  name="kind"
                  value={k.kind}
                  checked={form.kind === k.kind}
                  onChange={() => setForm({ ...form, kind: k.kind })}
                  data-testid={`org-kind-${k.kind}`}
                />
                <span className="kind-option-title">{k.title}</span>
                <span className="muted small">{k.text}</span>
              </label>
            ))}
          </fieldset>
          <Field label="Name" error={err?.fieldMessage('name')}>
            {(props) => (
              <input
                {...props}
                data-testid="org-name"
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="Handle"
            error={err?.fieldMessage('handle')}
            hint="2–30 letters, digits or underscores. Your page will be at /@handle."
          >
            {(props) => (
              <input
                {...props}
                data-testid="org-handle"
                value={form.handle}
                onChange={(e) => setForm({ ...form, handle: e.target.value })}
              />
            )}
          </Field>
          <Field label="Bio" error={err?.fieldMessage('bio')}>
            {(props) => (
              <textarea
                {...props}
                rows={3}
                data-testid="org-bio"
                value={form.bio}
                onChange={(e) => setForm({ ...form, bio: e.target.value })}
              />
            )}
          </Field>
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              data-testid="org-submit"
              disabled={create.isPending}
            >
              {create.isPending ? 'Creating…' : `Create ${form.kind}`}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
