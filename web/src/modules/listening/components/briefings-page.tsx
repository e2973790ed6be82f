import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useBriefings, useWriteBriefing } from '../hooks/use-briefings.ts';

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** A brand's briefing books: the weekly ones and those written on demand for any period. */
export function BriefingsPage() {
  const { handle = '' } = useParams();
  const books = useBriefings(handle);
  const write = useWriteBriefing(handle);
  const navigate = useNavigate();
  const [from, setFrom] = useState(day(new Date(Date.now() - 7 * DAY)));
  const [to, setTo] = useState(day(new Date()));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate(
      { from: new Date(`${from}T00:00:00Z`).toISOString(), to: new Date(`${to}T00:00:00Z`).toISOString() },
      { onSuccess: (book) => navigate(`/orgs/${handle}/listening/briefings/${book.id}`) },
    );
  };

  return (
    <div className="briefings">
      <PageHeader title="Briefing books">
        <Link to={`/orgs/${handle}/listening`}>Listening</Link>
      </PageHeader>
      <p className="muted">
        A report of the brand’s period: mentions, sentiment, share of voice, spikes, top conversations, care,
        ideas, requests and sales. A weekly book is written every Monday; write one for any period here.
      </p>
      <form className="briefing-form" onSubmit={submit}>
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <button type="submit" className="btn" disabled={write.isPending}>
          {write.isPending ? 'Writing…' : 'Write a book'}
        </button>
      </form>
      {write.error && <ErrorBanner error={write.error} fields={['from', 'to']} />}
      {books.isPending && <Loading />}
      {books.error && <ErrorBanner error={books.error} />}
      {books.data?.items.length === 0 && (
        <EmptyState title="No briefing book yet">The first weekly book arrives on Monday.</EmptyState>
      )}
      <ul className="briefing-list">
        {books.data?.items.map((b) => (
          <li key={b.id} data-testid="briefing-item">
            <Link to={`/orgs/${handle}/listening/briefings/${b.id}`}>
              {formatDate(b.from)} – {formatDate(new Date(new Date(b.to).getTime() - 1).toISOString())}
            </Link>
            <span className="muted small">
              {b.cadence === 'weekly' ? 'Weekly' : 'On demand'} · {b.mentions.toLocaleString()} mentions
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
