import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { useLogin, useLoginSecondStep } from '../hooks/use-auth.ts';
import { useViewer } from '../hooks/use-me.ts';
import { AuthCard } from './auth-card.tsx';
import { PasswordField } from './password-field.tsx';

/** Where to go after signing in: the page that sent you here, if it is one of ours. */
export function useNextPath(): string {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const me = useViewer();
  const next = useNextPath();
  const navigate = useNavigate();
  const login = useLogin();
  const secondStep = useLoginSecondStep();
  const [form, setForm] = useState({ login: '', password: '' });
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const err = login.error instanceof ApiError ? login.error : null;

  if (me && !login.isPending && !secondStep.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(form, {
      onSuccess: (result) => {
        if ('twoFactorRequired' in result) setChallenge(result.challenge);
        else navigate(next, { replace: true });
      },
    });
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    if (!challenge) return;
    secondStep.mutate(
      { challenge, code },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: (error) => {
          // The sign-in ended (expired, too many wrong codes): back to the password.
          if (error instanceof ApiError && ['challenge_invalid', 'totp_throttled'].includes(error.code))
            setChallenge(null);
        },
      },
    );
  };

  if (challenge)
    return (
      <AuthCard
        title="Two-factor sign-in"
        subtitle="Enter the 6-digit code from your authenticator app."
        footer={<Link to="/forgot-password">Lost your device? Use a recovery code above</Link>}
      >
        <form onSubmit={submitCode} noValidate className="form">
          <ErrorBanner error={secondStep.error} fields={['code']} />
          <Field label="Code (or a recovery code)">
            {(props) => (
              <input
                {...props}
                data-testid="login-code"
                autoComplete="one-time-code"
                inputMode="text"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary btn-block" data-testid="login-code-submit">
            {secondStep.isPending ? 'Checking…' : 'Verify'}
          </button>
        </form>
      </AuthCard>
    );

  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to follow people and brands, post and shop."
      footer={
        <>
          New to Souk? <Link to="/signup">Create an account</Link> ·{' '}
          <Link to="/forgot-password">Forgot your password?</Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate className="form">
        <ErrorBanner error={login.error} fields={['login', 'password']} />
        <Field label="Email or handle" error={err?.fieldMessage('login')}>
          {(props) => (
            <input
              {...props}
              data-testid="login-login"
              autoComplete="username"
              required
              value={form.login}
              onChange={(e) => setForm({ ...form, login: e.target.value })}
            />
          )}
        </Field>
        <PasswordField
          label="Password"
          error={err?.fieldMessage('password')}
          autoComplete="current-password"
          testId="login-password"
          required
          value={form.password}
          onChange={(v) => setForm({ ...form, password: v })}
        />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="login-submit"
          disabled={login.isPending}
        >
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
