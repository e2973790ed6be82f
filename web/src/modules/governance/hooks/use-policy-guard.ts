import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { type Channel, type Finding, governanceApi } from '../api/governance.api.ts';

/** Whose policy a draft answers to, and where it is being written. */
export type LintTarget = { handle: string; channel: Channel; aboutBrand?: boolean };

const LINT_DELAY_MS = 300;
const POLICY_CODES = new Set(['policy_blocked', 'policy_warning']);

/** True for the server's refusal of a draft by the brand's policy (its findings are shown beside the text). */
export const isPolicyError = (error: unknown): error is ApiError =>
  error instanceof ApiError && POLICY_CODES.has(error.code);

type Checked = { text: string; key: string; findings: Finding[]; failed: boolean };

const byPosition = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end;
const fits = (text: string) => (f: Finding) => f.span.start >= 0 && f.span.end <= text.length;

/**
 * The brand policy's verdict on a draft as it is typed: linted after a pause, stale requests cancelled, findings
 * of every target merged. A refusal from the server on submit (`error`) shows the same way until the text
 * changes. Warnings need a reason before the draft may go; a blocking finding stops it.
 */
export function usePolicyGuard(text: string, targets: LintTarget[], error?: unknown) {
  const key = targets.map((t) => `${t.handle}:${t.channel}${t.aboutBrand ? ':about' : ''}`).join(',');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<{ text: string; findings: Finding[] } | null>(null);
  const latest = useRef(text);
  latest.current = text;

  useEffect(() => {
    if (!text.trim() || !key) {
      setChecked({ text, key, findings: [], failed: false });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const results = await Promise.all(
        key.split(',').map(async (pair) => {
          const [handle = '', channel, about] = pair.split(':') as [string, Channel, string?];
          try {
            return await governanceApi.lint(handle, text, channel, controller.signal, about === 'about');
          } catch (e) {
            if (controller.signal.aborted) return 'aborted' as const;
            // A member whose role may not read the policy is checked by the server on submit only.
            return e instanceof ApiError && e.status === 403 ? null : ('failed' as const);
          }
        }),
      );
      if (controller.signal.aborted || results.includes('aborted')) return;
      const findings = results.flatMap((r) => (r && typeof r === 'object' ? r.findings : []));
      setChecked({ text, key, findings: findings.sort(byPosition), failed: results.includes('failed') });
    }, LINT_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, key]);

  // The draft the server refused: its findings stand until the writer changes the text.
  useEffect(() => {
    if (isPolicyError(error)) {
      const found = (error.extra.findings as Finding[] | undefined) ?? [];
      setRefused({ text: latest.current, findings: found });
    } else setRefused(null);
  }, [error]);

  return useMemo(() => {
    const current = checked && checked.text === text && checked.key === key ? checked : null;
    const fromServer = refused && refused.text === text ? refused.findings : [];
    const findings = (current?.findings.length ? current.findings : fromServer).filter(fits(text));
    const blocked = findings.some((f) => f.severity === 'block');
    const warnings = findings.filter((f) => f.severity === 'warn');
    const needsReason = !blocked && warnings.length > 0;
    return {
      findings,
      blocked,
      warnings,
      /** The lint of the latest text has not come back yet. */
      checking: Boolean(text.trim()) && Boolean(key) && !current,
      failed: current?.failed ?? false,
      reason,
      setReason,
      needsReason,
      /** What to send as `policyOverride`: the reason, once warnings ask for one. */
      override: needsReason && reason.trim().length >= 3 ? reason.trim() : undefined,
      /** False while a blocking finding stands or a warning waits for its reason. */
      canSubmit: !blocked && (!needsReason || reason.trim().length >= 3),
    };
  }, [checked, refused, text, key, reason]);
}

export type PolicyGuard = ReturnType<typeof usePolicyGuard>;

/** The draft with a finding's fix applied. */
export const applyFix = (text: string, fix: NonNullable<Finding['fix']>) =>
  text.slice(0, fix.span.start) + fix.replacement + text.slice(fix.span.end);
