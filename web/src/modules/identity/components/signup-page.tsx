import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { SignupInput } from '../api/identity.types.ts';
import { useSignup } from '../hooks/use-auth.ts';
import { useViewer } from '../hooks/use-me.ts';
import { AuthCard } from './auth-card.tsx';
import { useNextPath } from './login-page.tsx';

const FIELDS: {
  name: keyof SignupInput;
  label: string;
  type: string;
  autoComplete: string;
  hint?: string;
}[] = [
  { name: 'name', label: 'Name', type: 'text', autoComplete: 'name', hint: 'How you appear on Souk.' },
  {
    name: 'handle',
    label: 'Handle',
    type: 'text',
    autoComplete: 'username',
    hint: '2–30 letters, digits or underscores.',
  },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  {
    name: 'password',
    label: 'Password',
    type: 'password',
    autoComplete: 'new-password',
    hint: 'At least 8 characters.',
  },
];

export function SignupPage() {
  const me = useViewer();
  const next = useNextPath();
  const navigate = useNavigate();
  const signup = useSignup();
  const [form, setForm] = useState<SignupInput>({ email: '', password: '', handle: '', name: '' });
  const err = signup.error instanceof ApiError ? signup.error : null;

  if (me && !signup.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signup.mutate(
      { ...form, handle: form.handle.replace(/^@/, '') },
      { onSuccess: () => navigate(next, { replace: true }) },
    );
  };

  return (
    <AuthCard
      title="Join Souk"
      subtitle="One account to follow, post, and talk with the brands you love."
      footer={
        <>
          Already have an account? <Link to="/login">Sign in</Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate className="form">
        <ErrorBanner error={signup.error} fields={FIELDS.map((f) => f.name)} />
        {FIELDS.map((f) => (
          <Field key={f.name} label={f.label} error={err?.fieldMessage(f.name)} hint={f.hint}>
            {(props) => (
              <input
                {...props}
                name={f.name}
                type={f.type}
                data-testid={`signup-${f.name}`}
                autoComplete={f.autoComplete}
                required
                value={form[f.name]}
                onChange={(e) => setForm({ ...form, [f.name]: e.target.value })}
              />
            )}
          </Field>
        ))}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="signup-submit"
          disabled={signup.isPending}
        >
          {signup.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AuthCard>
  );
}
