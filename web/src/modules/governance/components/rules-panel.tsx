import { useState } from 'react';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { Rule, RuleInput } from '../api/governance.api.ts';
import { useDeleteRule, usePolicyRules, useSaveRule } from '../hooks/use-policy.ts';
import { CHANNEL_LABELS } from './channel-labels.ts';
import { KIND_LABELS, RuleEditor } from './rule-editor.tsx';

const inputOf = ({ id: _id, ...rest }: Rule): RuleInput => rest;

function RuleRow({ handle, rule }: { handle: string; rule: Rule }) {
  const [editing, setEditing] = useState(false);
  const save = useSaveRule(handle);
  const remove = useDeleteRule(handle);
  const where = rule.channels.length ? rule.channels.map((c) => CHANNEL_LABELS[c]).join(', ') : 'Everywhere';
  return (
    <li className="policy-rule" data-testid="policy-rule" data-rule={rule.id} data-enabled={rule.enabled}>
      <div>
        <div className="policy-rule-head">
          <strong>{KIND_LABELS[rule.kind]}</strong>
          <span className={`policy-badge policy-badge-${rule.severity}`}>
            {rule.severity === 'block' ? 'Blocks' : 'Warns'}
          </span>
          {!rule.enabled && <span className="muted small">Off</span>}
        </div>
        <p className="policy-message">{rule.message}</p>
        <p className="muted small">
          {where}
          {rule.phrases?.length ? ` · ${rule.phrases.join(', ')}` : ''}
          {rule.competitors?.length ? ` · ${rule.competitors.join(', ')}` : ''}
          {rule.domains?.length ? ` · ${rule.domains.join(', ')}` : ''}
          {rule.pattern ? ` · /${rule.pattern}/` : ''}
        </p>
      </div>
      <div className="policy-rule-actions">
        <label className="small">
          <input
            type="checkbox"
            checked={rule.enabled}
            disabled={save.isPending}
            onChange={(e) =>
              save.mutate({ id: rule.id, input: { ...inputOf(rule), enabled: e.target.checked } })
            }
            data-testid="rule-enabled"
          />{' '}
          On
        </label>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={() => setEditing((v) => !v)}
          data-testid="rule-edit"
        >
          Edit
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={remove.isPending}
          onClick={() => window.confirm('Remove this rule?') && remove.mutate(rule.id)}
        >
          Remove
        </button>
      </div>
      {(save.error || remove.error) && <ErrorBanner error={save.error ?? remove.error} />}
      {editing && <RuleEditor handle={handle} rule={rule} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** The brand's rules in the order they run: switch on or off, edit, remove, add. */
export function RulesPanel({ handle }: { handle: string }) {
  const rules = usePolicyRules(handle);
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="policy-rules">
      <h2 id="policy-rules">Rules</h2>
      {rules.isPending ? (
        <Loading />
      ) : rules.error ? (
        <ErrorBanner error={rules.error} />
      ) : (
        <ul className="policy-rules">
          {rules.data.items.map((rule) => (
            <RuleRow key={rule.id} handle={handle} rule={rule} />
          ))}
        </ul>
      )}
      {adding ? (
        <RuleEditor handle={handle} onDone={() => setAdding(false)} />
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setAdding(true)}
          data-testid="rule-add"
        >
          Add a rule
        </button>
      )}
    </section>
  );
}
