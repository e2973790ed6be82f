import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { rfpApi, rfpKeys, STATE_LABELS } from '../api/rfp.api.ts';

/** Under a post of kind rfp: the request's state, budget and pitch count, and the way to its page. */
export function RfpPostCard({ requestId }: { requestId: string }) {
  const page = useQuery({ queryKey: rfpKeys.page(requestId), queryFn: () => rfpApi.page(requestId) });
  if (!page.data) return null;
  const { request } = page.data;
  return (
    <Link to={`/rfps/${request.id}`} className="rfp-post-card" data-testid="rfp-post-card">
      <strong>{request.title}</strong>
      <span>
        {STATE_LABELS[request.state]} · budget {formatMoney(request.budgetMinor, request.currency)} ·{' '}
        {request.pitchCount} pitch{request.pitchCount === 1 ? '' : 'es'} · see them side by side
      </span>
    </Link>
  );
}
