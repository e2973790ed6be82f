import { formatMoney } from '../../../shared/format/money.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import type { GuardViolation } from '../api/commerce.types.ts';

type GuardRefusalProps = {
  violations: GuardViolation[];
  alternatives: string[];
  currency: string;
  canOverride: boolean;
  reason: string;
  onReason: (reason: string) => void;
  onOverride: () => void;
  pending: boolean;
};

/** Why the channel guard refused the deal, what to do instead, and (for owners and admins) an override. */
export function GuardRefusal(props: GuardRefusalProps) {
  const { violations, alternatives, currency, canOverride, reason, onReason, onOverride, pending } = props;
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <section className="guard-refusal" role="alert" data-testid="guard-refusal">
      <h3>Not published: this deal would undercut your resellers</h3>
      <ul>
        {violations.map((v) => (
          <li key={v.productId} className="guard-violation" data-testid="guard-violation">
            <strong>{v.title}</strong> would be advertised at {money(v.dealPriceMinor)},{' '}
            {money(v.shortByMinor)} below the reseller floor of {money(v.floorMinor)}.
          </li>
        ))}
      </ul>
      {alternatives.length > 0 && (
        <>
          <p>
            <strong>What you can do instead</strong>
          </p>
          <ul data-testid="guard-alternatives">
            {alternatives.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {canOverride ? (
        <div className="guard-override">
          <Field
            label="Override reason"
            hint="Recorded with the deal, with your name. At least 10 characters."
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={reason}
                onChange={(e) => onReason(e.target.value)}
                data-testid="guard-override-reason"
              />
            )}
          </Field>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={reason.trim().length < 10 || pending}
              onClick={onOverride}
              data-testid="guard-override-submit"
            >
              Publish anyway
            </button>
          </div>
        </div>
      ) : (
        <p className="small" data-testid="guard-no-override">
          Only an owner or admin of the brand can publish it anyway, with a recorded reason.
        </p>
      )}
    </section>
  );
}
