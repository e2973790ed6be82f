import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading, PageError } from '../../../shared/ui/status.tsx';
import { rfpApi, rfpKeys, type VrmItem } from '../api/rfp.api.ts';

/** The agent's quote for one request: the matched product at Souk's suggested price, editable above the floor. */
function QuoteComposer({ handle, item }: { handle: string; item: VrmItem }) {
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState(0);
  const match = item.matches[choice];
  const [price, setPrice] = useState(match ? (match.suggestedUnitPriceMinor / 100).toFixed(2) : '');
  const [sendAs, setSendAs] = useState<'public' | 'private'>(
    item.privateConsent === 'granted' ? 'private' : 'public',
  );
  const send = useMutation({
    mutationFn: () =>
      rfpApi.createQuote(handle, {
        conversationId: item.conversationId,
        items: [
          { variantId: match!.variantId, quantity: 1, unitPriceMinor: Math.round(Number(price) * 100) },
        ],
        ...(item.asked ? { askedPriceMinor: item.asked.amountMinor } : {}),
        expiresInHours: 48,
        sendAs,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rfpKeys.vrm(handle) }),
  });
  if (!match) return <p className="rfp-meta">No catalog product matches; answer from the inbox.</p>;
  return (
    <form
      className="rfp-form vrm-composer"
      data-testid="quote-composer"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <label>
        Product
        <select
          value={choice}
          onChange={(e) => {
            const next = Number(e.target.value);
            setChoice(next);
            setPrice((item.matches[next].suggestedUnitPriceMinor / 100).toFixed(2));
          }}
        >
          {item.matches.map((m, i) => (
            <option key={m.variantId} value={i}>
              {m.title} · list {formatMoney(m.listPriceMinor, m.currency)}
            </option>
          ))}
        </select>
      </label>
      <div className="rfp-form-row">
        <label>
          Price ({match.currency}), floor {formatMoney(match.floorMinor, match.currency)}
          <input
            name="price"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            inputMode="decimal"
            required
          />
        </label>
        <label>
          Send
          <select value={sendAs} onChange={(e) => setSendAs(e.target.value as 'public' | 'private')}>
            <option value="public">As a public reply</option>
            <option value="private" disabled={item.privateConsent !== 'granted'}>
              By direct message
            </option>
          </select>
        </label>
      </div>
      <ErrorBanner error={send.error} />
      <div className="rfp-actions">
        <button type="submit" className="btn btn-primary" disabled={send.isPending} data-testid="send-quote">
          Send quote
        </button>
      </div>
    </form>
  );
}

/** The VRM queue: product-at-a-price requests with the product and price each names, and the quotes sent. */
export function VrmQueuePage() {
  const { handle = '' } = useParams();
  const queue = useQuery({ queryKey: rfpKeys.vrm(handle), queryFn: () => rfpApi.vrmQueue(handle) });
  return (
    <div className="rfp-page">
      <PageHeader title="Price requests" />
      {queue.isPending && <Loading />}
      {queue.error && <PageError error={queue.error} notFoundTitle="No such brand" />}
      {queue.data?.items.length === 0 && <EmptyState title="No product-at-a-price requests right now" />}
      <ul className="rfp-queue" data-testid="vrm-queue">
        {queue.data?.items.map((item) => (
          <li key={item.conversationId} className="vrm-item" data-testid="vrm-item">
            <p>
              <strong>@{item.customer?.handle}</strong> “{item.text}”
            </p>
            <p className="rfp-meta" data-testid="vrm-asked">
              Asks {item.asked ? formatMoney(item.asked.amountMinor, item.asked.currency) : 'no price'}
              {item.matches[0] ? ` for ${item.matches[0].title}` : ''}
            </p>
            {item.quotes.map((q) => (
              <p key={q.id} className="rfp-meta" data-testid="vrm-quote">
                Quoted {formatMoney(q.totalMinor, q.currency)} · {q.state} ·{' '}
                <Link to={`/quotes/${q.id}`}>cart link</Link>
              </p>
            ))}
            {!item.quotes.some((q) => q.state === 'open' || q.state === 'accepted') && (
              <QuoteComposer handle={handle} item={item} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
