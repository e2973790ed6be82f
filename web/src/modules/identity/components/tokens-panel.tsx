import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../../shared/api/api-error.ts';
import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { Loading } from '../../../shared/ui/status.tsx';
import type { CreatedApiToken } from '../api/identity.types.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../hooks/use-settings.ts';

function NewTokenNotice({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="token-notice" role="status">
      <p>
        <strong>Copy your new token “{token.name}” now.</strong> You won’t be able to see it again.
      </p>
      <div className="token-value">
        <code data-testid="token-value">{token.token}</code>
        <button type="button" className="btn btn-secondary btn-sm" onClick={copy} data-testid="token-copy">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onDone}>
        Done
      </button>
    </div>
  );
}

/** Personal API tokens: create one (shown once), see when each was last used, revoke. */
export function TokensPanel() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const nameError = create.error instanceof ApiError ? create.error.fieldMessage('name') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setCreated(token);
        setName('');
      },
    });
  };

  return (
    <div className="tokens">
      <p className="muted">
        Tokens let scripts and integrations use the API as you. Send one in the header{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      {created && <NewTokenNotice token={created} onDone={() => setCreated(null)} />}
      <form className="inline-form" onSubmit={submit} noValidate>
        <label htmlFor="token-name" className="visually-hidden">
          Token name
        </label>
        <input
          id="token-name"
          placeholder="Token name, e.g. Shop sync"
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="token-name"
        />
        <button
          type="submit"
          className="btn btn-primary"
          disabled={create.isPending || !name.trim()}
          data-testid="token-create"
        >
          Create token
        </button>
      </form>
      {nameError && <p className="field-error">Name {nameError}</p>}
      {create.error && !nameError && <p className="inline-error">{errorMessage(create.error)}</p>}
      {tokens.isPending && <Loading />}
      {tokens.data?.items.length === 0 && <p className="muted">You have no tokens yet.</p>}
      <ul className="token-list">
        {tokens.data?.items.map((t) => (
          <li key={t.id} className="token-item" data-testid="token-item">
            <div>
              <p className="token-name">{t.name}</p>
              <p className="muted small">
                <code>{t.prefix}…</code> · created {formatFull(t.createdAt)} ·{' '}
                {t.lastUsedAt ? `last used ${formatFull(t.lastUsedAt)}` : 'never used'}
              </p>
            </div>
            <button
              type="button"
              className="btn btn-danger-outline btn-sm"
              onClick={() => revoke.mutate(t.id)}
              disabled={revoke.isPending}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      {revoke.error && <p className="inline-error">{errorMessage(revoke.error)}</p>}
    </div>
  );
}
