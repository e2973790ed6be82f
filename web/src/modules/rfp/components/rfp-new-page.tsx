import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CURRENCIES, parseDecimal } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { rfpApi } from '../api/rfp.api.ts';

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** Ask brands in public for proposals: what you need, your budget, the deadline, the brands. */
export function RfpNewPage() {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [budget, setBudget] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [deadline, setDeadline] = useState(inAWeek());
  const [location, setLocation] = useState('');
  const [brands, setBrands] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: rfpApi.create,
    onSuccess: (request) => navigate(`/rfps/${request.id}`),
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const budgetMinor = parseDecimal(budget, currency);
    if (budgetMinor === null) return setLocal('Enter the budget as a number, e.g. 2500 or 2500.00');
    const handles = brands
      .split(/[\s,]+/)
      .map((h) => h.replace(/^@/, ''))
      .filter(Boolean);
    if (handles.length === 0) return setLocal('Name at least one brand to ask, e.g. @acme');
    setLocal(null);
    create.mutate({
      title,
      details,
      budgetMinor,
      currency,
      // The end of the chosen day, in the asker's time zone.
      deadline: new Date(`${deadline}T23:59:00`).toISOString(),
      ...(location.trim() ? { location: location.trim() } : {}),
      brands: handles,
    });
  };
  return (
    <div className="rfp-page">
      <PageHeader title="Request proposals" back />
      <p className="rfp-lead">
        Ask brands in public to pitch for your business. Every pitch is public, side by side; you award one
        and it becomes your order at the quoted price.
      </p>
      <form className="rfp-form" onSubmit={submit} data-testid="rfp-new-form">
        <label>
          What do you need?
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            minLength={3}
            maxLength={140}
            name="title"
          />
        </label>
        <label>
          Details
          <textarea
            value={details}
            onChange={(e) => setDetails(e.target.value)}
            maxLength={2000}
            rows={3}
            name="details"
          />
        </label>
        <div className="rfp-form-row">
          <label>
            Budget
            <input
              value={budget}
              onChange={(e) => setBudget(e.target.value)}
              inputMode="decimal"
              required
              name="budget"
            />
          </label>
          <label>
            Currency
            <select value={currency} onChange={(e) => setCurrency(e.target.value)} name="currency">
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="rfp-form-row">
          <label>
            Pitches by
            <input
              type="date"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
              required
              name="deadline"
            />
          </label>
          <label>
            Location (optional)
            <input
              value={location}
              onChange={(e) => setLocation(e.target.value)}
              maxLength={100}
              name="location"
            />
          </label>
        </div>
        <label>
          Brands to ask
          <input
            value={brands}
            onChange={(e) => setBrands(e.target.value)}
            placeholder="@acme @globex"
            name="brands"
          />
          <span className="field-hint">Only the brands you name may pitch.</span>
        </label>
        {local && (
          <p className="field-error" role="alert">
            {local}
          </p>
        )}
        <ErrorBanner error={create.error} />
        <button
          type="submit"
          className="btn btn-primary"
          disabled={create.isPending}
          data-testid="rfp-submit"
        >
          Post request
        </button>
      </form>
    </div>
  );
}
