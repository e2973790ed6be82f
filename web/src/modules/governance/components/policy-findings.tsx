import { useId } from 'react';
import type { Finding } from '../api/governance.api.ts';
import { applyFix, type PolicyGuard } from '../hooks/use-policy-guard.ts';

const SEVERITY_LABEL = { block: 'Blocks posting', warn: 'Warning' } as const;

/**
 * The policy's findings on a draft as a list a screen reader reads: what, where (the words quoted), why, and a
 * one-click fix where the rule offers one. Warnings ask for a reason to post anyway; a block says it must change.
 */
export function PolicyFindings({
  guard,
  text,
  onChange,
  textarea,
}: {
  guard: PolicyGuard;
  text: string;
  onChange: (text: string) => void;
  textarea?: HTMLTextAreaElement | null;
}) {
  const ids = useId();
  const show = (finding: Finding) => {
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(finding.span.start, finding.span.end);
  };
  if (guard.findings.length === 0)
    return guard.failed ? (
      <p className="policy-status small muted" role="status">
        The policy check is unavailable; the draft is checked again when you send it.
      </p>
    ) : null;
  return (
    <section className="policy-findings" aria-label="Policy check" data-testid="policy-findings">
      <p className="policy-summary" role="status" data-testid="policy-summary">
        {guard.blocked
          ? 'This draft breaks the brand’s policy and cannot be posted until it is changed.'
          : `The brand’s policy has ${guard.warnings.length === 1 ? 'a warning' : `${guard.warnings.length} warnings`} about this draft.`}
      </p>
      <ul>
        {guard.findings.map((finding) => (
          <li
            key={`${finding.ruleId}-${finding.span.start}-${finding.span.end}`}
            className={`policy-finding policy-finding-${finding.severity}`}
            data-testid="policy-finding"
            data-rule={finding.ruleId}
            data-severity={finding.severity}
          >
            <span className={`policy-badge policy-badge-${finding.severity}`}>
              {SEVERITY_LABEL[finding.severity]}
            </span>{' '}
            <span className="policy-message">{finding.message}</span>{' '}
            {finding.excerpt && (
              <button
                type="button"
                className="btn-link policy-excerpt"
                onClick={() => show(finding)}
                title="Select these words in the text"
              >
                “{finding.excerpt}”
              </button>
            )}
            {finding.fix && (
              <button
                type="button"
                className="btn btn-sm policy-fix"
                data-testid="policy-fix"
                onClick={() => finding.fix && onChange(applyFix(text, finding.fix))}
              >
                {finding.fix.label}
              </button>
            )}
          </li>
        ))}
      </ul>
      {guard.needsReason && (
        <div className="field policy-reason">
          <label htmlFor={`${ids}-reason`}>Reason to post despite the warnings</label>
          <input
            id={`${ids}-reason`}
            value={guard.reason}
            onChange={(e) => guard.setReason(e.target.value)}
            maxLength={500}
            placeholder="Recorded in the brand’s policy audit log"
            data-testid="policy-reason"
          />
        </div>
      )}
    </section>
  );
}
