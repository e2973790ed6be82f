import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import {
  INTENTS,
  type Intent,
  intentLabel,
  PRIORITIES,
  type Priority,
  type RuleActions,
  type RuleConditions,
} from '../api/care.types.ts';
import { useInboxAgents, useQueues } from '../hooks/use-inbox.ts';
import { useAddRule, useTestRule } from '../hooks/use-rules.ts';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const optionalNumber = (text: string): number | undefined => {
  const n = Number(text);
  return text.trim() === '' || Number.isNaN(n) ? undefined : n;
};

type Draft = {
  name: string;
  intents: Intent[];
  sentimentBelow: string;
  keywords: string;
  languages: string;
  minFollowers: string;
  minLifetimeValue: string;
  queueId: string;
  priority: Priority | '';
  tags: string;
  assigneeId: string;
};

const EMPTY: Draft = {
  name: '',
  intents: [],
  sentimentBelow: '',
  keywords: '',
  languages: '',
  minFollowers: '',
  minLifetimeValue: '',
  queueId: '',
  priority: '',
  tags: '',
  assigneeId: '',
};

/** Only the conditions and actions the admin filled in: an empty field means "any". */
function toRule(d: Draft): { conditions: RuleConditions; actions: RuleActions } {
  const ltv = optionalNumber(d.minLifetimeValue);
  const conditions: RuleConditions = {
    ...(d.intents.length ? { intents: d.intents } : {}),
    ...(optionalNumber(d.sentimentBelow) !== undefined
      ? { sentimentBelow: optionalNumber(d.sentimentBelow) }
      : {}),
    ...(list(d.keywords).length ? { keywords: list(d.keywords) } : {}),
    ...(list(d.languages).length ? { languages: list(d.languages).map((l) => l.toLowerCase()) } : {}),
    ...(optionalNumber(d.minFollowers) !== undefined ? { minFollowers: optionalNumber(d.minFollowers) } : {}),
    // Entered in major units; the API counts minor units (cents).
    ...(ltv !== undefined ? { minLifetimeValueMinor: Math.round(ltv * 100) } : {}),
  };
  const actions: RuleActions = {
    ...(d.queueId ? { queueId: d.queueId } : {}),
    ...(d.priority ? { priority: d.priority } : {}),
    ...(list(d.tags).length ? { tags: list(d.tags) } : {}),
    ...(d.assigneeId ? { assigneeId: d.assigneeId } : {}),
  };
  return { conditions, actions };
}

/** Add a routing rule: conditions → actions, tried on recent messages before it is saved. */
export function RuleForm({ handle }: { handle: string }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const queues = useQueues(handle).data?.items ?? [];
  const agents = useInboxAgents(handle).data ?? [];
  const test = useTestRule(handle);
  const add = useAddRule(handle);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    test.reset();
  };
  const toggleIntent = (intent: Intent) =>
    set(
      'intents',
      draft.intents.includes(intent) ? draft.intents.filter((i) => i !== intent) : [...draft.intents, intent],
    );
  const save = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { name: draft.name.trim(), ...toRule(draft) },
      {
        onSuccess: () => {
          setDraft(EMPTY);
          test.reset();
        },
      },
    );
  };
  return (
    <form className="form rule-form" onSubmit={save} aria-label="New routing rule" data-testid="rule-form">
      <h2>New rule</h2>
      <label className="rule-field">
        Name
        <input
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          maxLength={80}
          required
          data-testid="rule-name"
        />
      </label>
      <fieldset className="rule-section">
        <legend>When a message…</legend>
        <div className="rule-intents">
          {INTENTS.map((intent) => (
            <label key={intent} className="rule-check">
              <input
                type="checkbox"
                checked={draft.intents.includes(intent)}
                onChange={() => toggleIntent(intent)}
                data-testid={`rule-intent-${intent}`}
              />
              {intentLabel(intent)}
            </label>
          ))}
        </div>
        <div className="rule-grid">
          <label className="rule-field">
            Sentiment below (−1…1)
            <input
              type="number"
              min={-1}
              max={1}
              step={0.05}
              value={draft.sentimentBelow}
              onChange={(e) => set('sentimentBelow', e.target.value)}
              data-testid="rule-sentiment"
            />
          </label>
          <label className="rule-field">
            Keywords (comma-separated)
            <input
              value={draft.keywords}
              onChange={(e) => set('keywords', e.target.value)}
              data-testid="rule-keywords"
            />
          </label>
          <label className="rule-field">
            Languages (e.g. en, de)
            <input value={draft.languages} onChange={(e) => set('languages', e.target.value)} />
          </label>
          <label className="rule-field">
            Followers at least
            <input
              type="number"
              min={0}
              value={draft.minFollowers}
              onChange={(e) => set('minFollowers', e.target.value)}
            />
          </label>
          <label className="rule-field">
            Lifetime value above
            <input
              type="number"
              min={0}
              step={0.01}
              value={draft.minLifetimeValue}
              onChange={(e) => set('minLifetimeValue', e.target.value)}
            />
          </label>
        </div>
      </fieldset>
      <fieldset className="rule-section">
        <legend>…then</legend>
        <div className="rule-grid">
          <label className="rule-field">
            Queue
            <select
              value={draft.queueId}
              onChange={(e) => set('queueId', e.target.value)}
              data-testid="rule-queue"
            >
              <option value="">Keep the triage queue</option>
              {queues.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                </option>
              ))}
            </select>
          </label>
          <label className="rule-field">
            Priority
            <select
              value={draft.priority}
              onChange={(e) => set('priority', e.target.value as Priority | '')}
              data-testid="rule-priority"
            >
              <option value="">Keep</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label className="rule-field">
            Tags (comma-separated)
            <input value={draft.tags} onChange={(e) => set('tags', e.target.value)} />
          </label>
          <label className="rule-field">
            Assign to
            <select value={draft.assigneeId} onChange={(e) => set('assigneeId', e.target.value)}>
              <option value="">Round-robin</option>
              {agents.map((a) => (
                <option key={a.account.id} value={a.account.id}>
                  @{a.account.handle}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <div className="rule-buttons">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={test.isPending}
          onClick={() => test.mutate(toRule(draft))}
          data-testid="rule-test"
        >
          {test.isPending ? 'Testing…' : 'Test on recent messages'}
        </button>
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={!draft.name.trim() || add.isPending}
          data-testid="rule-save"
        >
          Save rule
        </button>
      </div>
      {test.data && (
        <div className="rule-test-result" data-testid="rule-test-result" aria-live="polite">
          <p>
            <strong data-testid="rule-test-matched">{test.data.matched}</strong> of {test.data.tested} recent
            messages would match.
          </p>
          {test.data.examples.length > 0 && (
            <ul>
              {test.data.examples.map((ex) => (
                <li key={ex.messageId}>
                  <span className="care-chip">{intentLabel(ex.intent)}</span> {ex.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorBanner error={test.error ?? add.error} />
    </form>
  );
}
