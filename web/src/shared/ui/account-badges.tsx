import type { AccountSummary } from '../api/types.ts';

export function VerifiedMark() {
  return (
    <span
      className="verified-mark"
      data-testid="verified-mark"
      title="Verified"
      role="img"
      aria-label="Verified"
    >
      ✓
    </span>
  );
}

/** "Brand" or "Reseller" next to an organization's name; nothing for people. */
export function KindLabel({ kind }: { kind: AccountSummary['kind'] }) {
  if (kind === 'person') return null;
  return <span className={`kind-label kind-${kind}`}>{kind === 'brand' ? 'Brand' : 'Reseller'}</span>;
}
