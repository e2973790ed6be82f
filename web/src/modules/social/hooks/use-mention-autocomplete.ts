import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AccountSummary } from '../../../shared/api/types.ts';
import { socialApi } from '../api/social.api.ts';

/** An `@abc` being typed just before the caret: where its `@` is and the letters after it. */
type Token = { start: number; prefix: string };

const TOKEN = /(?:^|[^\w@])@(\w{1,30})$/;

function tokenAt(text: string, caret: number): Token | null {
  const match = TOKEN.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1].length - 1, prefix: match[1] };
}

/** Waits until `value` has stayed the same for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * @-autocomplete for a textarea: while an `@abc` is typed before the caret, the accounts whose handle starts with
 * it (those you follow first). Arrow keys move, Enter or Tab picks, Escape closes; picking writes `@handle `.
 */
export function useMentionAutocomplete(text: string, setText: (text: string) => void) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const pendingCaret = useRef<number | null>(null);

  const token = tokenAt(text, caret);
  const prefix = useDebounced(token?.prefix ?? '', 120);
  const query = useQuery({
    queryKey: ['search', 'mentions', prefix.toLowerCase()],
    queryFn: () => socialApi.mentionCandidates(prefix),
    enabled: prefix.length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const options: AccountSummary[] = token && prefix ? (query.data?.items ?? []) : [];
  const open = focused && token !== null && dismissedAt !== token.start && options.length > 0;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  // Put the caret after a picked handle once React has written the new text.
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !ref.current) return;
    ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    setCaret(pendingCaret.current);
    pendingCaret.current = null;
  });

  const pick = (account: AccountSummary) => {
    if (!token) return;
    const inserted = `@${account.handle} `;
    const after = text.slice(caret).replace(/^\w+/, '');
    setText(text.slice(0, token.start) + inserted + after.replace(/^ /, ''));
    pendingCaret.current = token.start + inserted.length;
    setActive(0);
    ref.current?.focus();
  };

  const syncCaret = () => {
    if (ref.current) setCaret(ref.current.selectionStart ?? 0);
  };

  /** Handles the key when the list is open; returns whether it did. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || !token || event.nativeEvent.isComposing) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if ((event.key === 'Enter' && !event.metaKey && !event.ctrlKey) || event.key === 'Tab') {
      pick(options[activeIndex]);
    } else if (event.key === 'Escape') {
      setDismissedAt(token.start);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  return {
    ref,
    open,
    options,
    activeIndex,
    setActive,
    pick,
    onKeyDown,
    textareaProps: {
      ref,
      onSelect: syncCaret,
      onFocus: () => setFocused(true),
      onBlur: () => setFocused(false),
    },
    /** Call from onChange with the new caret, so the token follows typing. */
    typed: (next: number) => {
      setCaret(next);
      setActive(0);
    },
  };
}
