import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatMoney, parseDecimal } from '../../../shared/format/money.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { ConversationDetail } from '../api/care.types.ts';
import { useRequestConversion, useWithdrawConversion } from '../hooks/use-workflow.ts';

const KIND_LABELS = { idea: 'Idea', rfp: 'Request for proposals' } as const;
const STATE_LABELS = {
  requested: 'asked, waiting for the customer',
  granted: 'accepted',
  declined: 'declined',
} as const;

/** Where the conversion went once the customer said yes: the request's or the idea's page. */
const targetPath = (kind: 'idea' | 'rfp', id: string) => (kind === 'rfp' ? `/rfps/${id}` : `/ideas/${id}`);

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * "Propose a request…": drafts, from the customer's message, a request for proposals asking this brand (what
 * they need, budget, deadline); the customer is asked in public and the request is posted as theirs on their
 * yes. Shows the proposal's state afterwards, with a way to withdraw it while unanswered.
 */
export function ConversionAction({
  handle,
  conversation,
}: {
  handle: string;
  conversation: ConversationDetail;
}) {
  const c = conversation;
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [budget, setBudget] = useState('');
  const [deadline, setDeadline] = useState(inDays(14));
  const request = useRequestConversion(handle, c.id);
  const withdraw = useWithdrawConversion(handle, c.id);
  const conversion = c.conversion;
  if (conversion && conversion.consent !== 'declined') {
    return (
      <span className="care-conversion" data-testid="conversion-state" data-state={conversion.consent}>
        <span className={`care-consent consent-${conversion.consent}`}>
          {KIND_LABELS[conversion.kind]}: {STATE_LABELS[conversion.consent]}
        </span>
        {conversion.targetId && (
          <Link to={targetPath(conversion.kind, conversion.targetId)} data-testid="conversion-target">
            Open “{conversion.title}”
          </Link>
        )}
        {conversion.consent === 'requested' && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate()}
            data-testid="conversion-withdraw"
          >
            Withdraw
          </button>
        )}
        {withdraw.error && <ErrorBanner error={withdraw.error} />}
      </span>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => setOpen(true)}
        data-testid="conversion-request-open"
        title={conversion ? 'The customer declined the last proposal' : undefined}
      >
        Propose a request…
      </button>
    );
  }
  const budgetMinor = parseDecimal(budget, currency);
  const ready = title.trim().length >= 3 && budgetMinor !== null && budgetMinor > 0 && deadline !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || budgetMinor === null) return;
    request.mutate(
      {
        kind: 'rfp',
        title: title.trim(),
        details: details.trim(),
        budgetMinor,
        currency,
        deadline: new Date(`${deadline}T23:59:00Z`).toISOString(),
      },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <form className="care-merge care-conversion-form" onSubmit={submit} aria-label="Propose a request">
      <label>
        <span className="small">What they need</span>
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={140}
          required
          data-testid="conversion-title"
        />
      </label>
      <label>
        <span className="small">Details</span>
        <textarea
          value={details}
          onChange={(e) => setDetails(e.target.value)}
          rows={2}
          maxLength={2000}
          data-testid="conversion-details"
        />
      </label>
      <div className="care-conversion-row">
        <label>
          <span className="small">Budget</span>
          <input
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            inputMode="decimal"
            required
            data-testid="conversion-budget"
          />
        </label>
        <label>
          <span className="small">Currency</span>
          <select
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            data-testid="conversion-currency"
          >
            {['EUR', 'GBP', 'USD'].map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
        <label>
          <span className="small">Pitches by</span>
          <input
            type="date"
            value={deadline}
            min={inDays(1)}
            max={inDays(90)}
            onChange={(e) => setDeadline(e.target.value)}
            required
            data-testid="conversion-deadline"
          />
        </label>
      </div>
      <p className="muted small">
        {budgetMinor !== null && budgetMinor > 0 && deadline
          ? `Asks @${handle} for ${formatMoney(budgetMinor, currency)}, pitches by ${formatDate(`${deadline}T23:59:00Z`)}. `
          : ''}
        The customer is asked in public; the request is posted as theirs when they accept under Support.
      </p>
      <button
        type="submit"
        className="btn btn-primary btn-sm"
        disabled={request.isPending || !ready}
        data-testid="conversion-submit"
      >
        {request.isPending ? 'Asking…' : 'Ask the customer'}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {request.error && <ErrorBanner error={request.error} />}
    </form>
  );
}
