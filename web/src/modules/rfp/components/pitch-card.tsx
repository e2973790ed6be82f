import { formatMoney } from '../../../shared/format/money.ts';
import type { Pitch } from '../api/rfp.api.ts';

const STATUS: Record<Pitch['status'], string> = {
  active: 'Open',
  withdrawn: 'Withdrawn',
  declined: 'Declined',
  won: 'Won',
  lost: 'Not chosen',
};

/** One pitch as everyone sees it: the brand, what the quote includes and costs, terms and message. */
export function PitchCard({ pitch, children }: { pitch: Pitch; children?: React.ReactNode }) {
  const listTotal = pitch.items.reduce((sum, i) => sum + i.listPriceMinor * i.quantity, 0);
  return (
    <article className={`pitch-card pitch-${pitch.status}`} data-testid="pitch-card">
      <header>
        <strong>{pitch.brand ? `@${pitch.brand.handle}` : 'A brand'}</strong>
        <span className="pitch-status">
          {pitch.shortlisted && pitch.status === 'active' ? 'Shortlisted · ' : ''}
          {STATUS[pitch.status]}
        </span>
      </header>
      <h3>{pitch.title}</h3>
      <p className="pitch-total" data-testid="pitch-total">
        {formatMoney(pitch.totalMinor, pitch.currency)}
        {listTotal > pitch.totalMinor && (
          <span className="pitch-saving"> (list {formatMoney(listTotal, pitch.currency)})</span>
        )}
      </p>
      <table className="pitch-items">
        <tbody>
          {pitch.items.map((i) => (
            <tr key={i.variantId}>
              <td>{i.quantity} ×</td>
              <td>{i.title}</td>
              <td className="num">{formatMoney(i.unitPriceMinor, pitch.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pitch.terms && <p className="pitch-terms">{pitch.terms}</p>}
      {pitch.message && <p className="pitch-message">“{pitch.message}”</p>}
      {pitch.declineReason && <p className="pitch-decline">Declined: {pitch.declineReason}</p>}
      {children}
    </article>
  );
}
