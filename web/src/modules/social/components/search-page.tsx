import { type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { SearchIcon } from '../../../shared/ui/icons.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner } from '../../../shared/ui/status.tsx';
import { ProductResults } from '../../commerce/index.ts';
import { useSearchPosts } from '../hooks/use-feeds.ts';
import { useSearchAccounts } from '../hooks/use-profile.ts';
import { PostFeed } from './post-feed.tsx';

/** The search field used on the search page and in the side column. */
type SearchFormProps = { initial?: string; onSearch: (q: string) => void; testId?: string };

export function SearchForm({ initial = '', onSearch, testId = 'search-input' }: SearchFormProps) {
  const [value, setValue] = useState(initial);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onSearch(value.trim());
  };
  return (
    <search>
      <form className="search-form" onSubmit={submit}>
        <SearchIcon size={18} />
        <label className="visually-hidden" htmlFor={id}>
          Search
        </label>
        <input
          id={id}
          type="search"
          data-testid={testId}
          placeholder="Search posts, people, brands and products"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </form>
    </search>
  );
}

function AccountResults({ q }: { q: string }) {
  const accounts = useSearchAccounts(q);
  if (accounts.error) return <ErrorBanner error={accounts.error} />;
  const items = accounts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="search-accounts" aria-label="Accounts">
      <h2 className="section-title">Accounts</h2>
      {items.slice(0, 6).map((a) => (
        <AccountRow key={a.id} account={a} />
      ))}
    </section>
  );
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const posts = useSearchPosts(q);
  return (
    <>
      <PageHeader title="Search" />
      <div className="search-top">
        <SearchForm key={q} initial={q} onSearch={(next) => setParams({ q: next })} />
      </div>
      {q ? (
        <>
          <AccountResults q={q} />
          <ProductResults q={q} />
          <h2 className="section-title">Posts</h2>
          <PostFeed query={posts} empty={<EmptyState title={`No posts match “${q}”`} />} />
        </>
      ) : (
        <EmptyState title="Search Souk">
          Find posts by words or #tags, people and brands by name or @handle, and products by name.
        </EmptyState>
      )}
    </>
  );
}
