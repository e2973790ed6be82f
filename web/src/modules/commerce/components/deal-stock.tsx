import type { DealCard, DealStatus } from '../api/commerce.types.ts';

const STATUS_LABELS: Record<DealStatus, string> = {
  scheduled: 'Scheduled',
  live: 'Live',
  ended: 'Ended',
  sold_out: 'Sold out',
};

export function DealStatusBadge({ status }: { status: DealStatus }) {
  return (
    <span className={`deal-status deal-status-${status}`} data-testid="deal-status">
      {STATUS_LABELS[status]}
    </span>
  );
}

/** Units left of the deal's cap, as words and a bar; no cap means no bar. */
export function DealRemaining({ card }: { card: DealCard }) {
  if (card.remaining === null || card.quantityCap === null) {
    return (
      <span className="deal-remaining muted small" data-testid="deal-remaining">
        {card.sold} sold
      </span>
    );
  }
  const share = card.quantityCap > 0 ? card.remaining / card.quantityCap : 0;
  return (
    <div className="deal-remaining" data-testid="deal-remaining">
      <span className="deal-remaining-text">
        <strong>{card.remaining}</strong> of {card.quantityCap} left
      </span>
      <span className="deal-meter" aria-hidden="true">
        <span
          className={share < 0.2 ? 'deal-meter-fill deal-meter-low' : 'deal-meter-fill'}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </span>
    </div>
  );
}
