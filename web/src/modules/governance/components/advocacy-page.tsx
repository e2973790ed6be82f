import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useMe } from '../../identity/index.ts';
import type { Leaderboard, LeaderboardSort, LibraryItem } from '../api/advocacy.api.ts';
import { useLeaderboard, useLibrary, useMarkShareable, useStaffShares } from '../hooks/use-advocacy.ts';
import { POLICY_ROLES } from './governance-nav.tsx';
import { ShareForm } from './share-form.tsx';

const SALES_ROLES = ['owner', 'admin', 'marketer', 'sales'];
const money = (r: { currency: string; amountMinor: number }[] | null) =>
  r === null
    ? '—'
    : r.length === 0
      ? formatMoney(0, 'EUR')
      : r.map((m) => formatMoney(m.amountMinor, m.currency)).join(' + ');

/** `/orgs/:handle/advocacy`: the content library to share from, the staff leaderboard and the shares that sold. */
export function AdvocacyPage() {
  const { handle = '' } = useParams();
  const me = useMe().data;
  const membership = me?.memberships.find((m) => m.org.handle === handle);
  const [topic, setTopic] = useState<string | undefined>();
  const library = useLibrary(handle, topic);
  if (!me || !membership)
    return (
      <>
        <PageHeader title="Advocacy" back />
        <EmptyState title={`You are not on @${handle}’s team`} />
      </>
    );
  const marketer = POLICY_ROLES.includes(membership.role);
  const seesSales = SALES_ROLES.includes(membership.role);
  return (
    <div className="policy-page" data-testid="advocacy-page">
      <PageHeader title={`${membership.org.name} · Advocacy`} />
      {marketer && <MarkPanel handle={handle} />}
      <section className="panel" aria-labelledby="library-title">
        <h2 id="library-title">Content library</h2>
        {library.data && library.data.topics.length > 0 && (
          <fieldset className="row wrap">
            <legend className="visually-hidden">Topics</legend>
            <button
              type="button"
              className={`chip${topic ? '' : ' active'}`}
              onClick={() => setTopic(undefined)}
            >
              All
            </button>
            {library.data.topics.map((t) => (
              <button
                key={t.topic}
                type="button"
                className={`chip${topic === t.topic ? ' active' : ''}`}
                onClick={() => setTopic(t.topic)}
              >
                {t.topic} ({t.posts})
              </button>
            ))}
          </fieldset>
        )}
        {library.isPending ? (
          <Loading />
        ) : library.error ? (
          <ErrorBanner error={library.error} />
        ) : library.data.items.length === 0 ? (
          <EmptyState title="Nothing to share yet">
            <p>Posts the marketing team marks shareable appear here, by topic.</p>
          </EmptyState>
        ) : (
          <ul className="policy-audit">
            {library.data.items.map((item) => (
              <LibraryEntry key={item.post.id} handle={handle} item={item} />
            ))}
          </ul>
        )}
      </section>
      <BoardPanel handle={handle} seesSales={seesSales} />
      {seesSales && <SalesPanel handle={handle} />}
    </div>
  );
}

function LibraryEntry({ handle, item }: { handle: string; item: LibraryItem }) {
  return (
    <li className="panel library-item" data-testid="library-item">
      <p className="small muted">
        {item.topic} · {formatDate(item.markedAt)} · shared {item.shares}× · {item.orders} orders ·{' '}
        {money(item.revenue)}
      </p>
      <p className="library-text">{item.post.text || '(a post with images)'}</p>
      {item.caption && <p className="small">Suggested caption: “{item.caption}”</p>}
      <ShareForm handle={handle} item={item} />
    </li>
  );
}

function MarkPanel({ handle }: { handle: string }) {
  const [postId, setPostId] = useState('');
  const [topic, setTopic] = useState('');
  const [caption, setCaption] = useState('');
  const mark = useMarkShareable(handle);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = postId.trim().split('/').pop() ?? '';
    mark.mutate(
      { postId: id, topic: topic.trim(), caption: caption.trim() || null },
      { onSuccess: () => setPostId('') },
    );
  };
  return (
    <section className="panel" aria-labelledby="mark-title">
      <h2 id="mark-title">Add a post to the library</h2>
      <form onSubmit={submit} className="form">
        <label>
          Post link or id
          <input value={postId} onChange={(e) => setPostId(e.target.value)} data-testid="mark-post" />
        </label>
        <label>
          Topic
          <input
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
            maxLength={60}
            data-testid="mark-topic"
          />
        </label>
        <label>
          Suggested caption (optional)
          <input value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={500} />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!postId.trim() || !topic.trim() || mark.isPending}
          data-testid="mark-submit"
        >
          Mark shareable
        </button>
      </form>
      <ErrorBanner error={mark.error} fields={['postId', 'topic', 'caption']} />
    </section>
  );
}

function BoardRow({ e }: { e: Leaderboard['items'][number] }) {
  return (
    <tr>
      <td>{e.rank ?? '—'}</td>
      <td>@{e.person.handle}</td>
      <td>{e.shares}</td>
      <td>{e.reach}</td>
      <td>{e.engagement.total}</td>
      <td>{money(e.revenue)}</td>
      <td>{e.points}</td>
    </tr>
  );
}

function BoardPanel({ handle, seesSales }: { handle: string; seesSales: boolean }) {
  const [sort, setSort] = useState<LeaderboardSort>('points');
  const board = useLeaderboard(handle, sort);
  const sorts: LeaderboardSort[] = seesSales
    ? ['points', 'reach', 'engagement', 'revenue']
    : ['points', 'reach', 'engagement'];
  return (
    <section className="panel" aria-labelledby="board-title" data-testid="staff-leaderboard">
      <h2 id="board-title">Staff leaderboard · last 30 days</h2>
      <label>
        Rank by{' '}
        <select value={sort} onChange={(e) => setSort(e.target.value as LeaderboardSort)}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {board.isPending ? (
        <Loading />
      ) : board.error ? (
        <ErrorBanner error={board.error} />
      ) : (
        <>
          {board.data.me && (
            <p data-testid="board-me">
              Your place: {board.data.me.rank ?? 'not ranked yet'} · {board.data.me.points} points
            </p>
          )}
          <div className="advocacy-board">
            <table className="data-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Who</th>
                  <th>Shares</th>
                  <th>Reach</th>
                  <th>Engagement</th>
                  <th>Revenue</th>
                  <th>Points</th>
                </tr>
              </thead>
              <tbody>
                {board.data.items.map((e) => (
                  <BoardRow key={e.person.id} e={e} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function SalesPanel({ handle }: { handle: string }) {
  const shares = useStaffShares(handle, true);
  return (
    <section className="panel" aria-labelledby="sold-title" data-testid="staff-sales">
      <h2 id="sold-title">Staff posts that led to sales</h2>
      {shares.isPending ? (
        <Loading />
      ) : shares.error ? (
        <ErrorBanner error={shares.error} />
      ) : shares.data.items.length === 0 ? (
        <EmptyState title="No sales from staff shares yet" />
      ) : (
        <ul className="policy-audit">
          {shares.data.items.map((s) => (
            <li key={s.id} className="panel">
              <p>
                @{s.employee.handle} · {s.kind} · {formatDate(s.createdAt)} · {money(s.revenue)}
              </p>
              <ul className="small">
                {s.orders.map((o) => (
                  <li key={o.orderId}>
                    <a href={`/orders/${o.orderId}`}>Order {o.orderId.slice(0, 8)}</a> ·{' '}
                    {formatMoney(o.netMinor, o.currency)} · {o.status}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
