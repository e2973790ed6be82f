import type { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import type { DealType } from '../api/commerce.types.ts';
import { DEAL_TYPE_LABELS } from '../api/deal-pricing.ts';

export type Terms = {
  text: string;
  type: DealType;
  percentOff: string;
  value: string;
  startsAt: string;
  /** Show the deal before it starts (default: hidden until then, except to the brand's members). */
  announceEarly: boolean;
  endsAt: string;
  quantityCap: string;
  perCustomerLimit: string;
  /** 'followers', 'everyone', `segment:<id>` (a saved segment of the brand's advocates) or `tier:<key>` (and above). */
  audience: string;
  /** A segment or tier that may buy before the start (empty: nobody early), and from when. */
  earlyAudience: string;
  earlyStartsAt: string;
};

type DealTermsFieldsProps = {
  terms: Terms;
  set: (patch: Partial<Terms>) => void;
  currency: string;
  error: ApiError | null;
  /** The brand's saved advocate segments a deal can be aimed at. */
  segments?: { id: string; name: string }[];
  /** The brand's tiers, lowest first: a deal can be for a tier and those above it, or open early for them. */
  tiers?: { key: string; name: string }[];
};

/** The segments and tiers a deal (or an Insiders-only product) can be aimed at or opened early for, as options. */
export function GroupOptions({
  segments,
  tiers,
}: {
  segments: { id: string; name: string }[];
  tiers: { key: string; name: string }[];
}) {
  return (
    <>
      {tiers.map((t) => (
        <option key={t.key} value={`tier:${t.key}`}>
          Tier: {t.name} and above
        </option>
      ))}
      {segments.map((s) => (
        <option key={s.id} value={`segment:${s.id}`}>
          Advocate segment: {s.name}
        </option>
      ))}
    </>
  );
}

/** The deal's terms: type and value, window, caps and audience, with the server's field errors. */
export function DealTermsFields({
  terms,
  set,
  currency,
  error,
  segments = [],
  tiers = [],
}: DealTermsFieldsProps) {
  const field = (name: string) => error?.fieldMessage(name);
  return (
    <div className="form-grid">
      <Field label="Type" error={field('type')}>
        {(p) => (
          <select
            {...p}
            value={terms.type}
            onChange={(e) => set({ type: e.target.value as DealType })}
            data-testid="deal-type"
          >
            {Object.entries(DEAL_TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {terms.type === 'percent_off' ? (
        <Field label="Percent off" error={field('percentOff')}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={terms.percentOff}
              onChange={(e) => set({ percentOff: e.target.value })}
              data-testid="deal-percent"
            />
          )}
        </Field>
      ) : terms.type === 'free_addon' ? (
        <p className="field-hint">The add-ons are free with the main product.</p>
      ) : (
        <Field
          label={
            terms.type === 'amount_off'
              ? `Amount off (${currency})`
              : terms.type === 'bundle'
                ? `Bundle price (${currency})`
                : `Deal price (${currency})`
          }
          error={field('valueMinor')}
        >
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={terms.value}
              onChange={(e) => set({ value: e.target.value })}
              data-testid="deal-value"
            />
          )}
        </Field>
      )}
      <Field label="Starts" error={field('startsAt')} hint="Empty: now.">
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            value={terms.startsAt}
            onChange={(e) => set({ startsAt: e.target.value })}
            data-testid="deal-starts"
          />
        )}
      </Field>
      {terms.startsAt && (
        <label className="checkbox-row span-2">
          <input
            type="checkbox"
            checked={terms.announceEarly}
            onChange={(e) => set({ announceEarly: e.target.checked })}
            data-testid="deal-announce-early"
          />
          Announce before it starts (otherwise only your team sees it until then; its post appears at the
          start)
        </label>
      )}
      <Field label="Ends" error={field('endsAt')}>
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            value={terms.endsAt}
            onChange={(e) => set({ endsAt: e.target.value })}
            data-testid="deal-ends"
          />
        )}
      </Field>
      <Field label="Total quantity cap" error={field('quantityCap')} hint="Empty: no cap.">
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            value={terms.quantityCap}
            onChange={(e) => set({ quantityCap: e.target.value })}
            data-testid="deal-cap"
          />
        )}
      </Field>
      <Field label="Per customer" error={field('perCustomerLimit')} hint="Empty: no limit.">
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            value={terms.perCustomerLimit}
            onChange={(e) => set({ perCustomerLimit: e.target.value })}
            data-testid="deal-limit"
          />
        )}
      </Field>
      <Field label="Who may buy" error={field('audience')}>
        {(p) => (
          <select
            {...p}
            value={terms.audience}
            onChange={(e) => set({ audience: e.target.value })}
            data-testid="deal-audience"
          >
            <option value="followers">Followers of the brand</option>
            <option value="everyone">Everyone</option>
            <GroupOptions segments={segments} tiers={tiers} />
          </select>
        )}
      </Field>
      {terms.startsAt && (tiers.length > 0 || segments.length > 0) && (
        <>
          <Field
            label="Early access"
            error={field('earlyAccess.audience')}
            hint="A perk, not a discount: this group may buy before the start."
          >
            {(p) => (
              <select
                {...p}
                value={terms.earlyAudience}
                onChange={(e) => set({ earlyAudience: e.target.value })}
                data-testid="deal-early-audience"
              >
                <option value="">Nobody early</option>
                <GroupOptions segments={segments} tiers={tiers} />
              </select>
            )}
          </Field>
          {terms.earlyAudience && (
            <Field label="Opens early at" error={field('earlyAccess.startsAt')}>
              {(p) => (
                <input
                  {...p}
                  type="datetime-local"
                  value={terms.earlyStartsAt}
                  onChange={(e) => set({ earlyStartsAt: e.target.value })}
                  data-testid="deal-early-starts"
                />
              )}
            </Field>
          )}
        </>
      )}
    </div>
  );
}
