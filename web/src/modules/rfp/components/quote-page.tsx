import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { ErrorBanner, Loading, PageError } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import { rfpApi, rfpKeys } from '../api/rfp.api.ts';
import { OrderForm } from './order-form.tsx';

const STATE: Record<string, string> = {
  open: 'Valid',
  accepted: 'Ordered',
  expired: 'Expired',
  declined: 'Declined',
};

/** The one-click cart link of a VRM quote: the quoted cart at the quoted prices, ordered in one step. */
export function QuotePage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const quote = useQuery({ queryKey: rfpKeys.quote(id), queryFn: () => rfpApi.quote(id) });
  const decline = useMutation({
    mutationFn: () => rfpApi.declineQuote(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rfpKeys.all }),
  });
  if (quote.isPending) return <Loading />;
  if (quote.error) return <PageError error={quote.error} notFoundTitle="No such quote" />;
  const q = quote.data;
  const listTotal = q.items.reduce((sum, i) => sum + i.listPriceMinor * i.quantity, 0);
  const isCustomer = q.customer?.id === viewer?.account.id && q.state === 'open';
  return (
    <div className="rfp-page">
      <PageHeader title="Your quote" back />
      <section className="rfp-summary quote-cart" data-testid="quote-cart">
        <h2>
          From @{q.brand?.handle}{' '}
          <span className={`rfp-state quote-state-${q.state}`} data-testid="quote-state">
            {STATE[q.state]}
          </span>
        </h2>
        {q.message && <p className="pitch-message">“{q.message}”</p>}
        <table className="pitch-items">
          <tbody>
            {q.items.map((i) => (
              <tr key={i.variantId}>
                <td>{i.quantity} ×</td>
                <td>{i.title}</td>
                <td className="num">
                  {i.listPriceMinor > i.unitPriceMinor && (
                    <s className="rfp-meta">{formatMoney(i.listPriceMinor, q.currency)}</s>
                  )}{' '}
                  {formatMoney(i.unitPriceMinor, q.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="pitch-total" data-testid="quote-total">
          {formatMoney(q.totalMinor, q.currency)}
          {listTotal > q.totalMinor && (
            <span className="pitch-saving">
              {' '}
              (you save {formatMoney(listTotal - q.totalMinor, q.currency)})
            </span>
          )}
        </p>
        <p className="rfp-meta">Valid until {formatFull(q.expiresAt)}</p>
      </section>
      {q.orderId && q.customer?.id === viewer?.account.id && (
        <p className="rfp-awarded" data-testid="quote-done">
          Ordered. <Link to={`/orders/${q.orderId}`}>See your order</Link>
        </p>
      )}
      {isCustomer && (
        <>
          <OrderForm
            testId="quote"
            submitLabel="Order at this price"
            place={(body, key) => rfpApi.acceptQuote(id, body, key)}
            intro={
              <>
                Order from @{q.brand?.handle} for <strong>{formatMoney(q.totalMinor, q.currency)}</strong>.
              </>
            }
          />
          <div className="rfp-actions">
            <button type="button" className="btn btn-secondary" onClick={() => decline.mutate()}>
              No thanks
            </button>
            <ErrorBanner error={decline.error} />
          </div>
        </>
      )}
    </div>
  );
}
