import type { ReactNode } from 'react';
import { Field } from '../../../shared/ui/form-field.tsx';

type Props = {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** `current-password` where the person proves who they are, `new-password` where they choose one. */
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  required?: boolean;
};

/** A labelled password input, as every sign-in, reset and confirmation form asks for one. */
export function PasswordField({
  label,
  hint,
  error,
  autoComplete,
  value,
  onChange,
  testId,
  required,
}: Props) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <input
          {...props}
          type="password"
          autoComplete={autoComplete}
          data-testid={testId}
          required={required}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
