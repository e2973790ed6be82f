import { useState } from 'react';
import type { AccountSummary } from '../api/types.ts';
import { safeHttpUrl } from './safe-url.ts';

type AvatarProps = { account: Pick<AccountSummary, 'name' | 'handle' | 'avatarUrl' | 'kind'>; size?: number };

const HUES = [250, 200, 160, 120, 30, 340, 290, 10];

/** First letters of the first and last words of the name (letters and digits only), else of the handle. */
export function initialsOf(name: string, handle: string): string {
  const words: string[] = [...name.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => m[0]);
  const picked = words.length >= 2 ? [words[0], words[words.length - 1]] : [words[0] ?? handle];
  return picked
    .map((w) => Array.from(w)[0] ?? '')
    .join('')
    .toUpperCase();
}

function hueOf(handle: string): number {
  let hash = 0;
  for (const ch of handle) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return HUES[hash % HUES.length];
}

/** The account's picture, or its initials on a colour derived from the handle when there is none. */
export function Avatar({ account, size = 44 }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  const src = safeHttpUrl(account.avatarUrl);
  const shape = account.kind === 'person' ? 'avatar' : 'avatar avatar-org';
  const style = { width: size, height: size, fontSize: Math.round(size * 0.4) };
  if (src && !failed) {
    return (
      <img className={shape} src={src} alt="" style={style} onError={() => setFailed(true)} loading="lazy" />
    );
  }
  const hue = hueOf(account.handle);
  return (
    <span
      className={`${shape} avatar-initials`}
      style={{ ...style, background: `hsl(${hue} 70% 92%)`, color: `hsl(${hue} 55% 32%)` }}
      aria-hidden="true"
    >
      {initialsOf(account.name, account.handle)}
    </span>
  );
}
