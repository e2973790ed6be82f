import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState } from '../../../shared/ui/status.tsx';
import { useMe } from '../../identity/index.ts';
import type { Channel } from '../api/governance.api.ts';
import { usePolicyGuard } from '../hooks/use-policy-guard.ts';
import { AuditPanel } from './audit-panel.tsx';
import { CHANNEL_LABELS } from './channel-labels.ts';
import { POLICY_ROLES } from './governance-nav.tsx';
import { PolicyField } from './policy-field.tsx';
import { PolicyFindings } from './policy-findings.tsx';
import { RulesPanel } from './rules-panel.tsx';

/** A box to write a draft and see what the policy says, as the composer would. */
function TryIt({ handle }: { handle: string }) {
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<Channel>('brand_post');
  const field = useRef<HTMLTextAreaElement>(null);
  const guard = usePolicyGuard(text, [{ handle, channel }]);
  return (
    <section className="panel form" aria-labelledby="policy-try" data-testid="policy-try">
      <h2 id="policy-try">Try it</h2>
      <div className="field">
        <label htmlFor="policy-try-channel">Written as</label>
        <select
          id="policy-try-channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value as Channel)}
        >
          {(Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="policy-try-text">Draft</label>
        <PolicyField textareaRef={field} text={text} findings={guard.findings}>
          <textarea
            id="policy-try-text"
            ref={field}
            rows={3}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Write a draft to see what the policy says"
            data-testid="policy-try-text"
          />
        </PolicyField>
      </div>
      <PolicyFindings guard={guard} text={text} onChange={setText} textarea={field.current} />
      {text.trim() && !guard.checking && guard.findings.length === 0 && !guard.failed && (
        <p className="muted small" role="status" data-testid="policy-clean">
          Nothing in the policy stops this draft.
        </p>
      )}
    </section>
  );
}

/** `/orgs/:handle/policy`: the brand's policy rules, a box to try them, and the audit log of blocks and overrides. */
export function PolicyPage() {
  const { handle = '' } = useParams();
  const me = useMe().data;
  const membership = me?.memberships.find((m) => m.org.handle === handle);
  if (!membership || !POLICY_ROLES.includes(membership.role))
    return (
      <>
        <PageHeader title="Policy" back />
        <EmptyState title={`You do not manage the policy of @${handle}`} />
      </>
    );
  return (
    <div className="policy-page stack" data-testid="policy-page">
      <PageHeader title={`${membership.org.name} · Policy`} />
      <p className="muted">
        Every post as the brand, deal, public care reply and staff post naming the brand is checked against
        these rules as it is written and again when it is sent. A blocking rule stops it; a warning can be
        overridden with a reason, which is kept in the audit log.
      </p>
      <TryIt handle={handle} />
      <RulesPanel handle={handle} />
      <AuditPanel handle={handle} />
    </div>
  );
}
