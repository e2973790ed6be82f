import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { identityApi } from '../api/identity.api.ts';
import { PasswordField } from './password-field.tsx';

/** Settings → Account: download my data; close my account (password, and what happens to my posts). */
export function AccountPanel() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [posts, setPosts] = useState<'keep' | 'remove'>('keep');
  const close = useMutation({
    mutationFn: () => identityApi.deleteAccount(password, posts),
    onSuccess: () => {
      queryClient.clear();
      navigate('/login', { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate();
  };
  return (
    <div className="stack">
      <h3>Your data</h3>
      <p className="small">
        One JSON file with your profile, posts, follows, likes, orders, saved addresses and notifications.
      </p>
      <p>
        <a className="btn" href="/api/v1/me/export" download data-testid="export-data">
          Download my data
        </a>
      </p>

      <h3>Delete my account</h3>
      <form onSubmit={submit} noValidate className="form" data-testid="delete-account">
        <p className="small">
          You are signed out everywhere and cannot sign in again; your profile is emptied and your handle
          becomes free for others. Orders stay in the brands’ records, as the law requires.
        </p>
        <fieldset className="stack">
          <legend className="small">Your posts</legend>
          <label className="small">
            <input
              type="radio"
              name="posts"
              value="keep"
              checked={posts === 'keep'}
              onChange={() => setPosts('keep')}
            />{' '}
            Keep them, shown as by “Deleted account”
          </label>
          <label className="small">
            <input
              type="radio"
              name="posts"
              value="remove"
              data-testid="delete-posts-remove"
              checked={posts === 'remove'}
              onChange={() => setPosts('remove')}
            />{' '}
            Remove them
          </label>
        </fieldset>
        <ErrorBanner error={close.error} fields={['password', 'currentPassword']} />
        <PasswordField
          label="Your password, to confirm"
          autoComplete="current-password"
          testId="delete-password"
          value={password}
          onChange={(v) => setPassword(v)}
        />
        <button type="submit" className="btn btn-danger" disabled={!password || close.isPending}>
          Delete my account
        </button>
      </form>
    </div>
  );
}
