import { Link, useParams, useSearchParams } from 'react-router';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Loading, PageError } from '../../../shared/ui/status.tsx';
import { useDeal } from '../hooks/use-deal-cards.ts';
import { DealCardView } from './deal-card.tsx';

const HANDLE = /^@?[A-Za-z0-9_]{1,30}$/;

/** `/deals/:id?ref=handle`: a shared deal; buying through it credits the person who shared the link. */
export function DealPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const ref = params.get('ref') ?? '';
  const deal = useDeal(id);
  return (
    <>
      <PageHeader title="Deal" back />
      {deal.data ? (
        <div className="panel">
          {deal.data.org && <AccountRow account={deal.data.org} />}
          <DealCardView
            card={deal.data}
            sourcePostId={deal.data.id}
            refHandle={HANDLE.test(ref) ? ref.replace(/^@/, '') : undefined}
          />
          <Link to={`/posts/${deal.data.id}`} className="small">
            See the post and its replies
          </Link>
        </div>
      ) : deal.isPending ? (
        <Loading />
      ) : (
        <PageError error={deal.error} notFoundTitle="This deal does not exist" />
      )}
    </>
  );
}
