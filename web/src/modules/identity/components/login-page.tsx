import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { useLogin } from '../hooks/use-auth.ts';
import { useViewer } from '../hooks/use-me.ts';
import { AuthCard } from './auth-card.tsx';

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
  const [form, setForm] = useState({ login: '', password: '' });
  const err = login.error instanceof ApiError ? login.error : null;

  if (me && !login.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(form, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to follow people and brands, post and shop."
      footer={
        <>
          New to Souk? <Link to="/signup">Create an account</Link>
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
        <Field label="Password" error={err?.fieldMessage('password')}>
          {(props) => (
            <input
              {...props}
              type="password"
              data-testid="login-password"
              autoComplete="current-password"
              required
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          )}
        </Field>
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
