import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { ErrorBanner, Loading, PageError } from '../../../shared/ui/status.tsx';
import { type Pitch, rfpApi, rfpKeys, STATE_LABELS } from '../api/rfp.api.ts';
import { AwardForm } from './award-form.tsx';
import { DmInvitations } from './dm-invitations.tsx';
import { PitchCard } from './pitch-card.tsx';
import { PitchForm } from './pitch-form.tsx';

/** What the person who asked can do with an open pitch: shortlist, decline with a reason, award. */
function RequesterActions({ pitch }: { pitch: Pitch }) {
  const queryClient = useQueryClient();
  const [awarding, setAwarding] = useState(false);
  const done = { onSuccess: () => queryClient.invalidateQueries({ queryKey: rfpKeys.all }) };
  const shortlist = useMutation({
    mutationFn: () => rfpApi.shortlist(pitch.id, !pitch.shortlisted),
    ...done,
  });
  const decline = useMutation({
    mutationFn: (reason: string) => rfpApi.decline(pitch.id, reason),
    ...done,
  });
  if (awarding) return <AwardForm pitch={pitch} onCancel={() => setAwarding(false)} />;
  return (
    <div className="rfp-actions">
      <button type="button" className="btn btn-primary" onClick={() => setAwarding(true)} data-testid="award">
        Award
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => shortlist.mutate()}>
        {pitch.shortlisted ? 'Unshortlist' : 'Shortlist'}
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          const reason = window.prompt('Why do you decline this pitch?');
          if (reason) decline.mutate(reason);
        }}
      >
        Decline
      </button>
      <ErrorBanner error={shortlist.error ?? decline.error} />
    </div>
  );
}

/** A request for proposals with every pitch side by side (stacked on a phone). */
export function RfpPage() {
  const { id = '' } = useParams();
  const page = useQuery({ queryKey: rfpKeys.page(id), queryFn: () => rfpApi.page(id) });
  if (page.isPending) return <Loading />;
  if (page.error) return <PageError error={page.error} notFoundTitle="No such request" />;
  const { request, pitches, viewer, orderId } = page.data;
  const open = request.state === 'open';
  const pitchedAs = new Set(pitches.filter((p) => p.status !== 'withdrawn').map((p) => p.brand?.handle));
  const canPitch = open ? viewer.canPitchAs.filter((b) => !pitchedAs.has(b.handle)) : [];
  return (
    <div className="rfp-page">
      <PageHeader title="Request for proposals" back />
      <section className="rfp-summary" data-testid="rfp-summary">
        <h2>{request.title}</h2>
        <p className="rfp-meta">
          <span className={`rfp-state rfp-state-${request.state}`} data-testid="rfp-state">
            {STATE_LABELS[request.state]}
          </span>{' '}
          · Budget {formatMoney(request.budgetMinor, request.currency)} · Pitches by{' '}
          {formatFull(request.deadline)}
          {request.location ? ` · ${request.location}` : ''}
        </p>
        {request.details && <p>{request.details}</p>}
        <p className="rfp-meta">
          Asked by{' '}
          {request.author ? (
            <Link to={`/@${request.author.handle}`}>@{request.author.handle}</Link>
          ) : (
            'someone'
          )}
          {' · '}Brands asked: {request.brands.map((b) => `@${b.handle}`).join(', ')}
        </p>
        <p>
          <Link to={`/posts/${request.id}`}>Questions and answers in the thread</Link>
          {orderId && (
            <>
              {' · '}
              <Link to={`/orders/${orderId}`} data-testid="rfp-order-link">
                Your order
              </Link>
            </>
          )}
        </p>
      </section>
      <DmInvitations page={page.data} />
      <h2 className="rfp-section-title">
        {pitches.length} pitch{pitches.length === 1 ? '' : 'es'}
      </h2>
      <div className="pitch-grid" data-testid="pitch-grid">
        {pitches.map((p) => (
          <PitchCard key={p.id} pitch={p}>
            {viewer.isRequester && open && p.status === 'active' && <RequesterActions pitch={p} />}
          </PitchCard>
        ))}
      </div>
      {canPitch.map((b) => (
        <PitchForm key={b.id} request={request} brand={b.handle} />
      ))}
    </div>
  );
}
