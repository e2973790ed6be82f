import type { AccountSummary } from '../../identity/index.ts';
import { POST_MAX_CHARS, type Visibility } from '../api/social.types.ts';
import { VISIBILITY_CHOICES, VISIBILITY_LABELS } from './visibility-icon.tsx';

const WARN_AT_REMAINING = 50;

/** Characters as the server counts them: code points, so an emoji is one. */
export const countChars = (text: string) => Array.from(text).length;

export type CounterState = 'ok' | 'warning' | 'over';

export function counterState(count: number): CounterState {
  const remaining = POST_MAX_CHARS - count;
  if (remaining < 0) return 'over';
  return remaining <= WARN_AT_REMAINING ? 'warning' : 'ok';
}

type PostAsProps = { identities: AccountSummary[]; value: string; onChange: (handle: string) => void };

/** Yourself first, then each organization you may post for. */
export function PostAsSelect({ identities, value, onChange }: PostAsProps) {
  return (
    <label className="select-pill" title="Post as">
      <span className="visually-hidden">Post as</span>
      <select data-testid="compose-as" value={value} onChange={(e) => onChange(e.target.value)}>
        {identities.map((account, i) => (
          <option key={account.id} value={account.handle}>
            {account.name} (@{account.handle}){i === 0 ? '' : ` · ${account.kind}`}
          </option>
        ))}
      </select>
    </label>
  );
}

export function VisibilitySelect({
  value,
  onChange,
}: {
  value: Visibility;
  onChange: (v: Visibility) => void;
}) {
  return (
    <label className="select-pill" title={VISIBILITY_LABELS[value]}>
      <span className="visually-hidden">Visibility</span>
      <select
        data-testid="compose-visibility"
        value={value}
        onChange={(e) => onChange(e.target.value as Visibility)}
      >
        {(Object.keys(VISIBILITY_CHOICES) as Visibility[]).map((v) => (
          <option key={v} value={v} title={VISIBILITY_LABELS[v]}>
            {VISIBILITY_CHOICES[v]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "123/500", turning amber near the limit and red over it. */
export function CharCounter({ id, count }: { id: string; count: number }) {
  const state = counterState(count);
  const remaining = POST_MAX_CHARS - count;
  return (
    <span
      id={id}
      className={`compose-counter counter-${state}`}
      data-testid="compose-counter"
      data-count={count}
      data-remaining={remaining}
      data-state={state}
      aria-live={state === 'ok' ? 'off' : 'polite'}
      title={remaining >= 0 ? `${remaining} characters left` : `${-remaining} characters over the limit`}
    >
      {count}/{POST_MAX_CHARS}
    </span>
  );
}
