import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { identityApi } from '../api/identity.api.ts';
import { AuthCard } from './auth-card.tsx';
import { PasswordField } from './password-field.tsx';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: (address: string) => identityApi.requestPasswordReset(address) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email);
  };
  return (
    <AuthCard
      title="Reset your password"
      subtitle="We mail you a link that works once, for one hour."
      footer={<Link to="/login">Back to sign-in</Link>}
    >
      {request.isSuccess ? (
        <p data-testid="forgot-sent">{request.data.message}</p>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <ErrorBanner error={request.error} fields={['email']} />
          <Field label="Email">
            {(props) => (
              <input
                {...props}
                type="email"
                data-testid="forgot-email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary btn-block" data-testid="forgot-submit">
            Send the link
          </button>
        </form>
      )}
    </AuthCard>
  );
}

/** The page a reset mail links to: a new password, then sign in again. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const reset = useMutation({ mutationFn: () => identityApi.resetPassword(token, password) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };
  return (
    <AuthCard
      title="Choose a new password"
      subtitle="Setting it signs you out everywhere."
      footer={<Link to="/login">Back to sign-in</Link>}
    >
      {reset.isSuccess ? (
        <p data-testid="reset-done">
          Your password is set. <Link to="/login">Sign in</Link>
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <ErrorBanner error={reset.error} fields={['password']} />
          <PasswordField
            label="New password"
            hint="At least 8 characters"
            autoComplete="new-password"
            testId="reset-password"
            required
            value={password}
            onChange={(v) => setPassword(v)}
          />
          <button type="submit" className="btn btn-primary btn-block" data-testid="reset-submit">
            Set password
          </button>
          <p className="muted small">
            Link expired? <Link to="/forgot-password">Ask for a new one</Link>
          </p>
        </form>
      )}
    </AuthCard>
  );
}

/** The page a verification mail links to: confirms at once (the token is single-use). */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useMutation({ mutationFn: () => identityApi.verifyEmail(token) });
  const { mutate } = verify;
  const started = useRef(false);
  // Once only: the link works once, and a second call (a re-render) would be told it was used.
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    mutate();
  }, [mutate, token]);
  return (
    <AuthCard title="Email address" subtitle="Confirming your address" footer={<Link to="/">Souk</Link>}>
      <ErrorBanner error={verify.error} />
      {verify.isSuccess && (
        <p data-testid="verify-done">
          {verify.data.email} is confirmed{verify.data.changed ? ' and is now your sign-in address' : ''}.{' '}
          <Link to="/">Go to Souk</Link>
        </p>
      )}
      {verify.isPending && <p>Confirming…</p>}
    </AuthCard>
  );
}
