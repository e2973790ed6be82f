import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { useNow } from '../../../shared/hooks/use-now.ts';
import { safeHttpUrl } from '../../../shared/ui/safe-url.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import { commerceApi } from '../api/commerce.api.ts';
import type { DealCard } from '../api/commerce.types.ts';
import { DEAL_TYPE_LABELS } from '../api/deal-pricing.ts';
import { useDealCard } from '../hooks/use-deal-cards.ts';
import { CheckoutSheet } from './checkout-sheet.tsx';
import { DealCheckout } from './deal-checkout.tsx';
import { DealCountdown, liveStatus } from './deal-countdown.tsx';
import { DealRemaining, DealStatusBadge } from './deal-stock.tsx';
import { FriendsBoughtLine } from './purchase-sharing.tsx';
import { ShareLinkButton } from './share-link-button.tsx';

function headline(card: DealCard): string {
  if (card.type === 'percent_off' && card.percentOff) return `−${card.percentOff}%`;
  if (card.type === 'amount_off' && card.valueMinor) return `−${formatMoney(card.valueMinor, card.currency)}`;
  if (card.type === 'free_addon') return 'Free add-on';
  if (card.type === 'bundle' && card.valueMinor)
    return `Bundle ${formatMoney(card.valueMinor, card.currency)}`;
  return DEAL_TYPE_LABELS[card.type];
}

/** The fine print: per-customer limit, what the viewer already bought, who may buy. */
function notes(card: DealCard): string[] {
  return [
    card.perCustomerLimit !== null ? `Limit ${card.perCustomerLimit} per customer` : '',
    card.viewer.bought > 0 ? `you bought ${card.viewer.bought}` : '',
    card.audience === 'followers' ? `for followers of @${card.org?.handle ?? 'the brand'}` : '',
    card.audience.startsWith('segment:')
      ? `for selected advocates of @${card.org?.handle ?? 'the brand'}`
      : '',
    card.audience.startsWith('tier:') ? `for ${card.audience.slice(5)} tier and above` : '',
  ].filter(Boolean);
}

function DealItems({ card }: { card: DealCard }) {
  return (
    <ul className="deal-items">
      {card.items.map(({ product, dealPriceMinor, role }) => {
        const image = safeHttpUrl(product.images[0]);
        const discounted = dealPriceMinor < product.priceMinor;
        return (
          <li key={product.id} className="deal-item" data-testid="deal-item">
            {image ? (
              <img className="deal-item-image" src={image} alt="" loading="lazy" />
            ) : (
              <span className="deal-item-image deal-item-placeholder" aria-hidden="true">
                {product.title.slice(0, 1)}
              </span>
            )}
            <span className="deal-item-main">
              <Link to={`/products/${product.id}`} className="deal-item-title">
                {role === 'addon' && <span className="muted">+ </span>}
                {product.title}
              </Link>
              {product.exclusive && <span className="exclusive-chip">Only in our store</span>}
            </span>
            <span className="deal-item-prices">
              {discounted && (
                <s className="price-list" data-testid="deal-list-price">
                  {formatMoney(product.priceMinor, card.currency)}
                </s>
              )}
              <strong className="price-deal" data-testid="deal-price">
                {dealPriceMinor === 0 && discounted ? 'Free' : formatMoney(dealPriceMinor, card.currency)}
              </strong>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

type DealCardViewProps = {
  card: DealCard;
  /** The post the buyer saw the card in (the deal post or a reshare of it), for attribution. */
  sourcePostId?: string;
  /** Handle from a referral link (`?ref=`). */
  refHandle?: string;
};

/** A deal as a rich card: prices, what is exclusive, time left, stock left, Buy and Share. */
export function DealCardView({ card, sourcePostId, refHandle }: DealCardViewProps) {
  const me = useViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const now = useNow(1000);
  const [open, setOpen] = useState(false);
  const status = card.endedEarlyAt ? 'ended' : liveStatus(card, now);
  const buy = () => {
    if (!me) {
      navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    setOpen(true);
    void commerceApi.click(card.id).catch(() => {}); // a lost click count must not block buying
  };
  return (
    <section className={`deal-card deal-card-${status}`} data-testid="deal-card" data-deal-id={card.id}>
      <header className="deal-card-top">
        <DealStatusBadge status={status} />
        <span className="deal-headline">{headline(card)}</span>
        <DealCountdown card={card} now={now} />
      </header>
      {card.title && <h3 className="deal-title">{card.title}</h3>}
      {card.endedEarlyAt && (
        <p className="muted small" data-testid="deal-ended-early">
          The brand ended this deal early.
        </p>
      )}
      <DealItems card={card} />
      {card.exclusiveTitles.length > 0 && (
        <p className="deal-exclusive small">Only in our own store: {card.exclusiveTitles.join(', ')}</p>
      )}
      {card.earlyAccess && (
        <p className="deal-early small" data-testid="deal-early-access">
          {card.viewer.earlyAccess
            ? `Early access for you as ${card.earlyAccess.label}: open now, for everyone from ${formatDate(card.startsAt)}`
            : `${card.earlyAccess.label} tier and above get early access`}
        </p>
      )}
      <FriendsBoughtLine friends={card.viewer.friendsBought} />
      <DealRemaining card={card} />
      {notes(card).length > 0 && <p className="muted small">{notes(card).join(' · ')}</p>}
      <div className="deal-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="deal-buy"
          disabled={status !== 'live'}
          onClick={buy}
        >
          {status === 'sold_out' ? 'Sold out' : status === 'ended' ? 'Ended' : 'Buy'}
        </button>
        <ShareLinkButton dealId={card.id} handle={me?.account.handle ?? null} />
        {card.resellersUrl && (
          <Link to={card.resellersUrl} className="deal-resellers small" data-testid="deal-resellers">
            Also at your local reseller →
          </Link>
        )}
      </div>
      {open && (
        <CheckoutSheet title={`Buy from ${card.org?.name ?? 'the brand'}`} onClose={() => setOpen(false)}>
          <DealCheckout
            card={card}
            source={{ postId: sourcePostId ?? card.id, ...(refHandle ? { ref: refHandle } : {}) }}
            onClose={() => setOpen(false)}
          />
        </CheckoutSheet>
      )}
    </section>
  );
}

/** The card under a deal post in a feed; loaded in one batch with the other deal posts on screen. */
export function DealPostCard({ dealId, sourcePostId }: { dealId: string; sourcePostId: string }) {
  const card = useDealCard(dealId);
  if (card.isPending) return <div className="deal-card deal-card-loading" aria-busy="true" />;
  if (!card.data) return <ErrorBanner error={card.error} />;
  return <DealCardView card={card.data} sourcePostId={sourcePostId} />;
}
