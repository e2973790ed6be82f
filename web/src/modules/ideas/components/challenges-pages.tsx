import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import { type Challenge, ideasApi, STATUS_LABELS } from '../api/ideas.api.ts';
import { ChallengeForm } from './challenge-form.tsx';
import { IdeaForm } from './idea-fields.tsx';

const closes = (c: Challenge) =>
  `${c.open ? 'Closes' : 'Closed'} ${new Date(c.closesAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}`;

/** The brand's private challenges the viewer is invited to (all of them for the brand's team). */
export function ChallengesPage() {
  const { handle = '' } = useParams();
  const list = useQuery({
    queryKey: ['ideas', handle, 'challenges'],
    queryFn: () => ideasApi.challenges(handle),
  });
  const role = useViewer()?.memberships.find((m) => m.org.handle === handle)?.role;
  return (
    <section className="ideas-page">
      <PageHeader title={`Private challenges of @${handle}`} back />
      {role && ['owner', 'admin', 'marketer'].includes(role) && <ChallengeForm handle={handle} />}
      {list.isPending && <Loading />}
      <ErrorBanner error={list.error} />
      {list.data?.items.length === 0 && (
        <EmptyState title="No challenges for you">Challenges are by invitation of the brand.</EmptyState>
      )}
      <ul className="idea-list" data-testid="challenge-list">
        {list.data?.items.map((c) => (
          <li key={c.id} className="idea-row">
            <span className="idea-votes">
              {c.ideas}
              <span className="visually-hidden"> ideas</span>
            </span>
            <div className="idea-row-main">
              <Link to={`/challenges/${c.id}`} className="idea-title">
                {c.title}
              </Link>
              <span className="muted small"> · {closes(c)}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A challenge: its brief, deadline and ideas; invited people post until the deadline. */
export function ChallengePage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['ideas', 'challenge', id], queryFn: () => ideasApi.challenge(id) });
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const post = useMutation({
    mutationFn: () => ideasApi.postToChallenge(id, { title, description }),
    onSuccess: () => {
      setTitle('');
      setDescription('');
      void queryClient.invalidateQueries({ queryKey: ['ideas', 'challenge', id] });
    },
  });
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorBanner error={detail.error} />;
  const { challenge, ideas } = detail.data;
  return (
    <section className="ideas-page">
      <PageHeader title={challenge.title} back />
      <p>{challenge.description}</p>
      <p className="muted small">
        Private challenge of @{challenge.org.handle} · {closes(challenge)}
      </p>
      {challenge.open ? (
        <IdeaForm
          testId="challenge-idea-form"
          title={title}
          setTitle={setTitle}
          description={description}
          setDescription={setDescription}
          onSubmit={() => post.mutate()}
          error={post.error}
          pending={post.isPending}
        />
      ) : (
        <p className="muted">The deadline has passed: no new ideas or votes.</p>
      )}
      {ideas.length === 0 && <EmptyState title="No ideas yet" />}
      <ul className="idea-list" data-testid="challenge-ideas">
        {ideas.map((idea) => (
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
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
