import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import { type IdeaSort, type IdeaStatus, ideasApi, STATUS_LABELS } from '../api/ideas.api.ts';
import { IdeaForm } from './idea-fields.tsx';

const SORTS: { key: IdeaSort; label: string }[] = [
  { key: 'trending', label: 'Trending' },
  { key: 'top', label: 'Top' },
  { key: 'new', label: 'New' },
];

/** The title typed so far, settled for a moment, so similar ideas are asked for once per pause. */
function useDebounced(value: string, ms: number) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function PostIdeaForm({ handle }: { handle: string }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const typed = useDebounced(title.trim(), 250);
  const navigate = useNavigate();
  const similar = useQuery({
    queryKey: ['ideas', handle, 'similar', typed],
    queryFn: () => ideasApi.similar(handle, typed),
    enabled: typed.length >= 3,
  });
  const post = useMutation({
    mutationFn: () => ideasApi.post(handle, { title, description }),
    onSuccess: (idea) => navigate(`/ideas/${idea.id}`),
  });
  const matches = typed.length >= 3 ? (similar.data?.items ?? []) : [];
  return (
    <IdeaForm
      testId="idea-form"
      title={title}
      setTitle={setTitle}
      description={description}
      setDescription={setDescription}
      onSubmit={() => post.mutate()}
      error={post.error}
      pending={post.isPending}
      afterTitle={
        matches.length > 0 && (
          <div className="idea-similar" data-testid="similar-ideas">
            <p className="muted small">Similar ideas already here — vote for one instead?</p>
            <ul>
              {matches.map((m) => (
                <li key={m.id}>
                  <Link to={`/ideas/${m.id}`}>{m.title}</Link>{' '}
                  <span className="muted small">
                    {m.votes} votes · {STATUS_LABELS[m.status]}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )
      }
    />
  );
}

/** A brand's public ideas portal: post (with similar ideas while typing), sort, filter by status. */
export function IdeasPortalPage() {
  const { handle = '' } = useParams();
  const viewer = useViewer();
  const [sort, setSort] = useState<IdeaSort>('trending');
  const [status, setStatus] = useState<IdeaStatus | ''>('');
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['ideas', handle, 'list', sort, status],
    queryFn: () => ideasApi.list(handle, { sort, ...(status ? { status } : {}) }),
  });
  useEffect(
    () => () => void queryClient.removeQueries({ queryKey: ['ideas', handle, 'similar'] }),
    [handle, queryClient],
  );
  return (
    <section className="ideas-page">
      <PageHeader title={`Ideas for @${handle}`} back />
      {viewer ? <PostIdeaForm handle={handle} /> : <p className="muted">Log in to post and vote.</p>}
      {viewer && (
        <p className="small">
          <Link to={`/orgs/${handle}/challenges`}>Private challenges you are invited to</Link>
        </p>
      )}
      <div className="ideas-controls">
        <div className="segmented" role="tablist" aria-label="Sort">
          {SORTS.map((s) => (
            <button
              key={s.key}
              type="button"
              role="tab"
              aria-selected={sort === s.key}
              className={sort === s.key ? 'active' : ''}
              onClick={() => setSort(s.key)}
            >
              {s.label}
            </button>
          ))}
        </div>
        <select
          aria-label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as IdeaStatus | '')}
        >
          <option value="">Every status</option>
          {Object.entries(STATUS_LABELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {list.isPending && <Loading />}
      <ErrorBanner error={list.error} />
      {list.data?.items.length === 0 && <EmptyState title="No ideas yet" />}
      <ul className="idea-list" data-testid="idea-list">
        {list.data?.items.map((idea) => (
          <li key={idea.id} className="idea-row">
            <span className="idea-votes">
              {idea.votes}
              <span className="visually-hidden"> votes</span>
            </span>
            <div className="idea-row-main">
              <Link to={`/ideas/${idea.id}`} className="idea-title">
                {idea.title}
              </Link>
              <span className={`idea-status idea-status-${idea.status}`}>{STATUS_LABELS[idea.status]}</span>
              <span className="muted small"> · {idea.comments} comments</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
