import type { ReactNode } from 'react';
import { ApiError, errorMessage, friendlyFieldMessage } from '../api/api-error.ts';

/** A general error for a form or a page: the server's detail, and any field errors no field showed. */
export function ErrorBanner({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  const extra = error instanceof ApiError ? error.unclaimed(fields) : [];
  // The validator's summary repeats the field messages in its own wording; the fields already say them better.
  const validation = error instanceof ApiError && error.code === 'validation_failed' && extra.length === 0;
  return (
    <div className="error-banner" role="alert">
      <p>{validation && fields.length > 0 ? 'Please fix the highlighted fields.' : errorMessage(error)}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <strong>{e.field}</strong> {friendlyFieldMessage(e.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

type InfiniteLike = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  error: unknown;
};

/** The "Load more" button under a paginated list. */
export function LoadMore({ query }: { query: InfiniteLike }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="load-more">
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="load-more"
        onClick={() => query.fetchNextPage()}
        disabled={query.isFetchingNextPage}
      >
        {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}

/** A page that could not load: a friendly "not found" for 404s, the server's explanation otherwise. */
export function PageError({ error, notFoundTitle }: { error: unknown; notFoundTitle: string }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <EmptyState title={notFoundTitle}>
        <p>{error.detail}</p>
      </EmptyState>
    );
  }
  return (
    <div className="page-error">
      <ErrorBanner error={error} />
    </div>
  );
}
