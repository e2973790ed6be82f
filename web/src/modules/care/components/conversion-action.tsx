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

/** The customer's first message, as the draft idea's description. */
const firstMessage = (c: ConversationDetail) => c.messages.find((m) => m.direction === 'in')?.text ?? '';

/**
 * Turning a conversation into something posted in the customer's name, with their consent: "Suggest as idea…"
 * (an idea on the brand's portal, for a conversation triaged `idea`) or "Propose a request…" (a request for proposals asking this brand). The
 * customer is asked in public and it is posted on their yes; afterwards the proposal's state, with a way to
 * withdraw it while unanswered.
 */
export function ConversionAction({
  handle,
  conversation,
}: {
  handle: string;
  conversation: ConversationDetail;
}) {
  const c = conversation;
  const [open, setOpen] = useState<'idea' | 'rfp' | null>(null);
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
  if (open === 'idea')
    return <IdeaProposalForm handle={handle} conversation={c} onDone={() => setOpen(null)} />;
  if (open === 'rfp')
    return <RequestProposalForm handle={handle} conversation={c} onDone={() => setOpen(null)} />;
  const declined = conversion
    ? `The customer declined the last proposal (${KIND_LABELS[conversion.kind]})`
    : undefined;
  const ideaButton = (
    <button
      key="idea"
      type="button"
      className="btn btn-ghost btn-sm"
      onClick={() => setOpen('idea')}
      data-testid="idea-request-open"
      title={declined}
    >
      Suggest as idea…
    </button>
  );
  const rfpButton = (
    <button
      key="rfp"
      type="button"
      className="btn btn-ghost btn-sm"
      onClick={() => setOpen('rfp')}
      data-testid="conversion-request-open"
      title={declined}
    >
      Propose a request…
    </button>
  );
  // An idea is suggested from a conversation triaged as one; a request can be proposed from any.
  return <>{c.intent === 'idea' ? [ideaButton, rfpButton] : rfpButton}</>;
}

/** The idea as it would go on the portal, drafted from the customer's message. */
function IdeaProposalForm({
  handle,
  conversation,
  onDone,
}: {
  handle: string;
  conversation: ConversationDetail;
  onDone: () => void;
}) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState(() => firstMessage(conversation));
  const request = useRequestConversion(handle, conversation.id);
  const ready = title.trim().length >= 3 && description.trim() !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    request.mutate(
      { kind: 'idea', title: title.trim(), description: description.trim() },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="care-merge care-conversion-form" onSubmit={submit} aria-label="Suggest as idea">
      <label>
        <span className="small">Idea title on the portal</span>
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          minLength={3}
          maxLength={140}
          required
          data-testid="idea-request-title"
        />
      </label>
      <label>
        <span className="small">Description</span>
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
          maxLength={5000}
          required
          data-testid="idea-request-description"
        />
      </label>
      <p className="muted small">
        The idea goes on the portal, in the customer’s name, once they accept on their Support page.
      </p>
      <ProposalButtons request={request} ready={ready} onCancel={onDone} testId="idea-request-submit" />
    </form>
  );
}

/** A request for proposals asking this brand: what they need, budget, deadline. */
function RequestProposalForm({
  handle,
  conversation,
  onDone,
}: {
  handle: string;
  conversation: ConversationDetail;
  onDone: () => void;
}) {
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [budget, setBudget] = useState('');
  const [deadline, setDeadline] = useState(inDays(14));
  const request = useRequestConversion(handle, conversation.id);
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
      { onSuccess: onDone },
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
      <ProposalButtons request={request} ready={ready} onCancel={onDone} testId="conversion-submit" />
    </form>
  );
}

/** A proposal form's "Ask the customer" and "Cancel", with the request's refusal under them. */
function ProposalButtons({
  request,
  ready,
  onCancel,
  testId,
}: {
  request: ReturnType<typeof useRequestConversion>;
  ready: boolean;
  onCancel: () => void;
  testId: string;
}) {
  return (
    <>
      <button
        type="submit"
        className="btn btn-primary btn-sm"
        disabled={request.isPending || !ready}
        data-testid={testId}
      >
        {request.isPending ? 'Asking…' : 'Ask the customer'}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
        Cancel
      </button>
      {request.error && <ErrorBanner error={request.error} />}
    </>
  );
}
