import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { addressErrors } from '../api/address-rules.ts';
import type { AddressInput } from '../api/commerce.types.ts';
import { useAddAddress, useAddresses, useRemoveAddress } from '../hooks/use-shopper.ts';
import { AddressFields, cleanAddress, EMPTY_ADDRESS, formatAddress } from './address-fields.tsx';

/** Saved shipping addresses: the first is offered first at checkout. */
export function AddressBook() {
  const addresses = useAddresses();
  const add = useAddAddress();
  const remove = useRemoveAddress();
  const [draft, setDraft] = useState<AddressInput | null>(null);
  const [problems, setProblems] = useState<ReturnType<typeof addressErrors>>({});
  if (addresses.isPending) return <Loading />;
  if (addresses.error) return <ErrorBanner error={addresses.error} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const found = addressErrors(draft);
    setProblems(found);
    if (Object.keys(found).length === 0) add.mutate(cleanAddress(draft), { onSuccess: () => setDraft(null) });
  };
  const items = addresses.data?.items ?? [];
  return (
    <div className="address-book" data-testid="address-book">
      {items.length === 0 && <p className="muted">No saved addresses yet.</p>}
      <ul className="token-list">
        {items.map((a) => (
          <li key={a.id} className="token-item">
            <span>{formatAddress(a)}</span>
            <button
              type="button"
              className="btn btn-ghost btn-xs"
              disabled={remove.isPending}
              onClick={() => remove.mutate(a.id)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {remove.error && <p className="inline-error">{errorMessage(remove.error)}</p>}
      {draft ? (
        <form className="form" onSubmit={submit} noValidate>
          <AddressFields value={draft} onChange={setDraft} error={add.error} local={problems} />
          <ErrorBanner
            error={add.error}
            fields={['name', 'line1', 'line2', 'city', 'postalCode', 'country']}
          />
          <div className="form-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={add.isPending}>
              Save address
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => setDraft(EMPTY_ADDRESS)}>
          Add an address
        </button>
      )}
    </div>
  );
}
