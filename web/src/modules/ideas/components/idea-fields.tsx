import type { FormEvent, ReactNode } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';

type Props = {
  testId: string;
  title: string;
  setTitle: (title: string) => void;
  description: string;
  setDescription: (description: string) => void;
  onSubmit: () => void;
  error: unknown;
  pending: boolean;
  /** Shown under the title while it is typed (the portal's similar ideas). */
  afterTitle?: ReactNode;
};

/** The form an idea is posted with, on the portal and in a challenge. */
export function IdeaForm({
  testId,
  title,
  setTitle,
  description,
  setDescription,
  onSubmit,
  error,
  pending,
  afterTitle,
}: Props) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="idea-form" onSubmit={submit} data-testid={testId}>
      <label>
        <span>Your idea</span>
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={140}
          required
          minLength={3}
          name="title"
        />
      </label>
      {afterTitle}
      <label>
        <span>Tell us more</span>
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={5000}
          required
          rows={3}
          name="description"
        />
      </label>
      <ErrorBanner error={error} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Post idea
      </button>
    </form>
  );
}
