import { type FormEvent, useState } from 'react';
import { safeHttpUrl } from '../../../shared/ui/safe-url.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { IdentityLink } from '../api/care-extras.types.ts';
import { useProposeIdentity } from '../hooks/use-care-extras.ts';

function Identity({ link }: { link: IdentityLink }) {
  const href = safeHttpUrl(link.url);
  const label = `@${link.handle}`;
  return (
    <>
      <span className="c360-network">{link.network}</span>{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {label}
        </a>
      ) : (
        label
      )}
    </>
  );
}

/**
 * Identities on other networks: only those the person confirmed count as linked; a proposal waits for them
 * (they are asked in their notifications). No silent stitching.
 */
export function IdentityLinksPanel({
  handle,
  customerId,
  customerHandle,
  linked,
  pending,
}: {
  handle: string;
  customerId: string;
  customerHandle: string;
  linked: IdentityLink[];
  pending: IdentityLink[];
}) {
  const [adding, setAdding] = useState(false);
  const [network, setNetwork] = useState('');
  const [other, setOther] = useState('');
  const [url, setUrl] = useState('');
  const propose = useProposeIdentity(handle, customerId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!network.trim() || !other.trim()) return;
    propose.mutate(
      { network: network.trim(), handle: other.trim(), ...(url.trim() ? { url: url.trim() } : {}) },
      {
        onSuccess: () => {
          setNetwork('');
          setOther('');
          setUrl('');
          setAdding(false);
        },
      },
    );
  };
  return (
    <section aria-label="Linked identities" data-testid="c360-identities">
      <h3>Other networks</h3>
      {linked.length === 0 ? (
        <p className="muted small">No identities confirmed by @{customerHandle}.</p>
      ) : (
        <ul className="c360-identities">
          {linked.map((l) => (
            <li key={l.id} data-testid="c360-linked-identity">
              <Identity link={l} />
            </li>
          ))}
        </ul>
      )}
      {pending.length > 0 && (
        <ul className="c360-identities pending" aria-label="Waiting for confirmation">
          {pending.map((l) => (
            <li key={l.id} className="muted small" data-testid="c360-pending-identity">
              <Identity link={l} /> · waiting for @{customerHandle} to confirm
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <form className="c360-identity-form" onSubmit={submit} aria-label="Propose an identity">
          <input
            value={network}
            onChange={(e) => setNetwork(e.target.value)}
            placeholder="Network (e.g. Mastodon)"
            maxLength={40}
            aria-label="Network"
            data-testid="identity-network"
          />
          <input
            value={other}
            onChange={(e) => setOther(e.target.value)}
            placeholder="@handle there"
            maxLength={100}
            aria-label="Handle on that network"
            data-testid="identity-handle"
          />
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="Profile URL (optional)"
            type="url"
            maxLength={500}
            aria-label="Profile URL"
          />
          {propose.error && <ErrorBanner error={propose.error} />}
          <div className="care-reply-actions">
            <button type="button" className="btn btn-ghost btn-xs" onClick={() => setAdding(false)}>
              Cancel
            </button>
            <button
              type="submit"
              className="btn btn-secondary btn-xs"
              disabled={propose.isPending || !network.trim() || !other.trim()}
              data-testid="identity-propose"
            >
              Ask @{customerHandle} to confirm
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn btn-ghost btn-xs" onClick={() => setAdding(true)}>
          Propose an identity…
        </button>
      )}
    </section>
  );
}
