import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { intentLabel, type Rule } from '../api/care.types.ts';
import { useInboxAgents, useQueues } from '../hooks/use-inbox.ts';
import { useInboxAccess } from '../hooks/use-inbox-access.ts';
import { useRemoveRule, useRules } from '../hooks/use-rules.ts';
import { InboxSettingsForm } from './inbox-settings-form.tsx';
import { IntentModelPanel } from './intent-model-panel.tsx';
import { RuleForm } from './rule-form.tsx';
import { UnsureThresholdForm } from './unsure-threshold-form.tsx';

function describe(rule: Rule, queueName: (id: string) => string, agentHandle: (id: string) => string) {
  const c = rule.conditions;
  const when = [
    c.intents?.length ? `intent is ${c.intents.map(intentLabel).join(' or ')}` : null,
    c.sentimentBelow !== undefined ? `sentiment below ${c.sentimentBelow}` : null,
    c.keywords?.length ? `mentions ${c.keywords.map((k) => `“${k}”`).join(', ')}` : null,
    c.languages?.length ? `language ${c.languages.join('/')}` : null,
    c.minFollowers !== undefined ? `${c.minFollowers}+ followers` : null,
    c.minLifetimeValueMinor !== undefined
      ? `lifetime value above ${(c.minLifetimeValueMinor / 100).toFixed(2)}`
      : null,
  ].filter(Boolean);
  const a = rule.actions;
  const then = [
    a.queueId ? `queue ${queueName(a.queueId)}` : null,
    a.priority ? `priority ${a.priority}` : null,
    a.tags?.length ? `tag ${a.tags.map((t) => `#${t}`).join(' ')}` : null,
    a.assigneeId ? `assign to @${agentHandle(a.assigneeId)}` : null,
  ].filter(Boolean);
  return { when: when.join(' and ') || 'any message', action: then.join(', ') || 'nothing' };
}

/** The brand's routing rules, in the order they run, and a form to add one. */
export function RulesPage() {
  const { handle = '' } = useParams();
  const { membership, canWork, canManageRules } = useInboxAccess(handle);
  const rules = useRules(handle);
  const queues = useQueues(handle).data?.items ?? [];
  const agents = useInboxAgents(handle).data ?? [];
  const remove = useRemoveRule(handle);
  if (!membership || !canWork) {
    return (
      <>
        <PageHeader title="Routing rules" back />
        <EmptyState title={`You do not work the inbox of @${handle}`} />
      </>
    );
  }
  const brand = membership.org.handle;
  const queueName = (id: string) => queues.find((q) => q.id === id)?.name ?? 'unknown';
  const agentHandle = (id: string) => agents.find((m) => m.account.id === id)?.account.handle ?? 'someone';
  return (
    <div className="rules-page" data-testid="rules-page">
      <PageHeader title={`${membership.org.name} · Routing rules`}>
        <Link to={`/orgs/${brand}/inbox`} className="btn btn-secondary btn-sm">
          Back to inbox
        </Link>
      </PageHeader>
      <p className="rules-intro muted">
        Every new conversation is triaged, then the rules run in order; each match can move it to a queue,
        raise its priority, tag it or assign it.
      </p>
      {rules.isPending ? (
        <Loading />
      ) : rules.error ? (
        <ErrorBanner error={rules.error} />
      ) : rules.data.items.length === 0 ? (
        <EmptyState title="No rules yet">
          <p>Conversations go to the queue their intent suggests.</p>
        </EmptyState>
      ) : (
        <ol className="rule-list">
          {rules.data.items.map((rule) => {
            const text = describe(rule, queueName, agentHandle);
            return (
              <li key={rule.id} className="rule-item" data-testid="rule">
                <div>
                  <strong>{rule.name}</strong>
                  <p className="small">
                    <span className="muted">When</span> {text.when} <span className="muted">→</span>{' '}
                    {text.action}
                  </p>
                </div>
                {canManageRules && (
                  <button
                    type="button"
                    className="btn btn-danger-outline btn-xs"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(rule.id)}
                    aria-label={`Remove rule ${rule.name}`}
                  >
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <ErrorBanner error={remove.error} />
      {canManageRules ? (
        <RuleForm handle={brand} />
      ) : (
        <p className="muted rules-intro">Owners and admins of the brand can add and remove rules.</p>
      )}
      {canManageRules && <IntentModelPanel handle={brand} />}
      {canManageRules && <InboxSettingsForm handle={brand} />}
      {canManageRules && <UnsureThresholdForm handle={brand} />}
    </div>
  );
}
