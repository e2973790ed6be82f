import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { identityApi } from '../api/identity.api.ts';
import type { Me } from '../api/identity.types.ts';
import { meKey } from '../hooks/use-me.ts';
import { PasswordField } from './password-field.tsx';

/** Settings → Security: email verification, password, sessions, two-factor sign-in. */
export function SecurityPanel({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [passwords, setPasswords] = useState({ currentPassword: '', newPassword: '' });
  const change = useMutation({
    mutationFn: () => identityApi.changePassword(passwords.currentPassword, passwords.newPassword),
    onSuccess: () => {
      setPasswords({ currentPassword: '', newPassword: '' });
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: identityApi.sessions });
  const signOutOthers = useMutation({
    mutationFn: identityApi.signOutOthers,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
  const resend = useMutation({ mutationFn: identityApi.resendVerification });
  const setup = useMutation({ mutationFn: identityApi.twoFactorSetup });
  const [code, setCode] = useState('');
  const enable = useMutation({
    mutationFn: () => identityApi.twoFactorEnable(code),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meKey }),
  });

  const [newEmail, setNewEmail] = useState({ email: '', password: '' });
  const changeEmail = useMutation({
    mutationFn: () => identityApi.changeEmail(newEmail.email, newEmail.password),
  });
  const [off, setOff] = useState({ password: '', code: '' });
  const disable = useMutation({
    mutationFn: () => identityApi.twoFactorDisable(off.password, off.code),
    onSuccess: () => {
      setOff({ password: '', code: '' });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
  const submitEmail = (event: FormEvent) => {
    event.preventDefault();
    changeEmail.mutate();
  };
  const submitOff = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate();
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate();
  };

  return (
    <div className="stack">
      {!me.emailVerified && (
        <p className="small" data-testid="verify-banner">
          Your email address {me.email} is not confirmed yet; until it is, we send it no notification mail.{' '}
          <button type="button" className="btn btn-small" onClick={() => resend.mutate()}>
            Send the link again
          </button>
          {resend.isSuccess && ' Sent.'}
        </p>
      )}
      <ErrorBanner error={resend.error} />

      <h3>Email address</h3>
      {changeEmail.isSuccess ? (
        <p className="small" data-testid="email-pending">
          Waiting for confirmation: we sent a link to <strong>{newEmail.email}</strong>. Until you open it,
          mail keeps going to {me.email}.{' '}
          <button type="button" className="btn btn-small" onClick={() => changeEmail.reset()}>
            Use another address
          </button>
        </p>
      ) : (
        <form onSubmit={submitEmail} noValidate className="form">
          <ErrorBanner error={changeEmail.error} fields={['email', 'password', 'currentPassword']} />
          <Field
            label="New email address"
            hint={`Now: ${me.email}; it changes once the new address confirms`}
          >
            {(props) => (
              <input
                {...props}
                type="email"
                autoComplete="email"
                data-testid="new-email"
                value={newEmail.email}
                onChange={(e) => setNewEmail({ ...newEmail, email: e.target.value })}
              />
            )}
          </Field>
          <PasswordField
            label="Your password"
            autoComplete="current-password"
            testId="new-email-password"
            value={newEmail.password}
            onChange={(v) => setNewEmail({ ...newEmail, password: v })}
          />
          <button type="submit" className="btn" disabled={changeEmail.isPending}>
            Change email
          </button>
        </form>
      )}

      <h3>Password</h3>
      <form onSubmit={submitPassword} noValidate className="form">
        <ErrorBanner error={change.error} fields={['currentPassword', 'newPassword']} />
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          testId="current-password"
          value={passwords.currentPassword}
          onChange={(v) => setPasswords({ ...passwords, currentPassword: v })}
        />
        <PasswordField
          label="New password"
          hint="At least 8 characters; your other sessions are signed out"
          autoComplete="new-password"
          testId="new-password"
          value={passwords.newPassword}
          onChange={(v) => setPasswords({ ...passwords, newPassword: v })}
        />
        <button type="submit" className="btn" disabled={change.isPending}>
          Change password
        </button>
        {change.isSuccess && <p className="small">Password changed.</p>}
      </form>

      <h3>Sessions</h3>
      <ul className="plain-list" data-testid="sessions">
        {sessions.data?.items.map((s) => (
          <li key={s.id} className="small">
            {s.userAgent ?? 'Unknown browser'} · since {new Date(s.createdAt).toLocaleString()}
            {s.current && <strong> · this one</strong>}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn"
        onClick={() => signOutOthers.mutate()}
        data-testid="sign-out-others"
      >
        Sign out of other sessions
      </button>

      <h3>Two-factor sign-in</h3>
      {me.twoFactorRequiredBy.length > 0 && !me.twoFactorEnabled && (
        <p className="small" data-testid="two-factor-required">
          {me.twoFactorRequiredBy.map((h) => `@${h}`).join(', ')} ask their staff to turn this on.
        </p>
      )}
      {me.twoFactorEnabled && !enable.data ? (
        <form onSubmit={submitOff} noValidate className="form" data-testid="two-factor-off">
          <p className="small">On: sign-ins ask for a code from your authenticator app.</p>
          <ErrorBanner error={disable.error} fields={['password', 'code']} />
          <PasswordField
            label="Your password"
            autoComplete="current-password"
            value={off.password}
            onChange={(v) => setOff({ ...off, password: v })}
          />
          <Field label="A code from the app, or a recovery code">
            {(props) => (
              <input
                {...props}
                autoComplete="one-time-code"
                value={off.code}
                onChange={(e) => setOff({ ...off, code: e.target.value })}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-danger-outline" disabled={disable.isPending}>
            Turn off two-factor sign-in
          </button>
        </form>
      ) : enable.data ? (
        <div data-testid="recovery-codes">
          <p className="small">
            Two-factor sign-in is on. Keep these recovery codes somewhere safe; each works once, and they are
            shown only now:
          </p>
          <pre>{enable.data.recoveryCodes.join('\n')}</pre>
        </div>
      ) : setup.data ? (
        <form onSubmit={submitCode} noValidate className="form">
          <img src={setup.data.qrCode} alt="QR code for your authenticator app" width={180} height={180} />
          <p className="small">
            Or enter this key: <code data-testid="totp-secret">{setup.data.secret}</code>
          </p>
          <ErrorBanner error={enable.error} fields={['code']} />
          <Field label="Code from the app">
            {(props) => (
              <input
                {...props}
                autoComplete="one-time-code"
                data-testid="totp-code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary" data-testid="totp-enable">
            Turn on
          </button>
        </form>
      ) : (
        <button type="button" className="btn" onClick={() => setup.mutate()} data-testid="totp-setup">
          Set up two-factor sign-in
        </button>
      )}
      <ErrorBanner error={setup.error} />
    </div>
  );
}
