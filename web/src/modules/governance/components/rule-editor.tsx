import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { Rule, RuleInput } from '../api/governance.api.ts';
import { useSaveRule } from '../hooks/use-policy.ts';

type Kind = RuleInput['kind'];

/** What each kind of rule checks, in the writer's words. */
export const KIND_LABELS: Record<Kind, string> = {
  banned_phrase: 'Banned phrase',
  required_phrase: 'Required phrase',
  banned_pattern: 'Banned pattern (RE2)',
  disclosure: 'Staff disclosure',
  email: 'Email address',
  phone: 'Phone number',
  card_number: 'Card number',
  order_ref: 'Order number',
  street_address: 'Street address',
  profanity: 'Profanity',
  promise: 'Unapproved promise',
  shouting: 'Shouting',
  sentiment_floor: 'Negative tone',
  sarcasm: 'Sarcasm',
  competitor: 'Competitor mention',
  link_domains: 'Links to other sites',
};

// The list fields each kind reads, one entry a line in the editor.
const LIST_FIELDS: Partial<Record<Kind, 'phrases' | 'domains' | 'competitors'>> = {
  banned_phrase: 'phrases',
  required_phrase: 'phrases',
  disclosure: 'phrases',
  promise: 'phrases',
  competitor: 'competitors',
  link_domains: 'domains',
};
const LIST_LABELS = { phrases: 'Phrases', domains: 'Allowed domains', competitors: 'Competitors' };

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Add a rule (no `rule`) or edit one: severity, message and the fields its kind reads. */
export function RuleEditor({ handle, rule, onDone }: { handle: string; rule?: Rule; onDone: () => void }) {
  const save = useSaveRule(handle);
  const [kind, setKind] = useState<Kind>(rule?.kind ?? 'banned_phrase');
  const [severity, setSeverity] = useState<RuleInput['severity']>(rule?.severity ?? 'warn');
  const [message, setMessage] = useState(rule?.message ?? '');
  const listField = LIST_FIELDS[kind];
  const [list, setList] = useState((listField && rule?.[listField]?.join('\n')) || '');
  const [replacement, setReplacement] = useState(rule?.replacement ?? '');
  const [pattern, setPattern] = useState(rule?.pattern ?? '');
  const [threshold, setThreshold] = useState(rule?.threshold?.toString() ?? '');
  const error = save.error instanceof ApiError ? save.error : null;
  const field = (name: string) => error?.fieldMessage(name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: RuleInput = {
      kind,
      severity,
      message: message.trim(),
      enabled: rule?.enabled ?? true,
      channels: rule?.channels ?? [],
      ...(listField ? { [listField]: lines(list) } : {}),
      ...(kind === 'banned_phrase' && replacement.trim() ? { replacement: replacement.trim() } : {}),
      ...(kind === 'banned_pattern' ? { pattern } : {}),
      ...(kind === 'sentiment_floor' && threshold.trim() ? { threshold: Number(threshold) } : {}),
      ...(kind === 'phone' && rule?.defaultCountry ? { defaultCountry: rule.defaultCountry } : {}),
    };
    save.mutate({ id: rule?.id, input }, { onSuccess: onDone });
  };

  return (
    <form className="form policy-rule-editor" onSubmit={submit} noValidate data-testid="rule-editor">
      {!rule && (
        <Field label="Kind" error={field('kind')}>
          {(p) => (
            <select
              {...p}
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              data-testid="rule-kind"
            >
              {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Severity" error={field('severity')}>
        {(p) => (
          <select
            {...p}
            value={severity}
            onChange={(e) => setSeverity(e.target.value as RuleInput['severity'])}
            data-testid="rule-severity"
          >
            <option value="block">Block: the draft cannot be posted</option>
            <option value="warn">Warn: post with a reason</option>
          </select>
        )}
      </Field>
      <Field label="Message" error={field('message')} hint="What the writer is told.">
        {(p) => (
          <input
            {...p}
            value={message}
            maxLength={500}
            onChange={(e) => setMessage(e.target.value)}
            data-testid="rule-message"
          />
        )}
      </Field>
      {listField && (
        <Field label={LIST_LABELS[listField]} error={field(listField)} hint="One a line.">
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={list}
              onChange={(e) => setList(e.target.value)}
              data-testid="rule-list"
            />
          )}
        </Field>
      )}
      {kind === 'banned_phrase' && (
        <Field label="Replace with (offered as a fix)" error={field('replacement')}>
          {(p) => (
            <input
              {...p}
              value={replacement}
              maxLength={200}
              onChange={(e) => setReplacement(e.target.value)}
            />
          )}
        </Field>
      )}
      {kind === 'banned_pattern' && (
        <Field
          label="Pattern"
          error={field('pattern')}
          hint="RE2 syntax: no backreferences or lookaround, so it can never hang."
        >
          {(p) => (
            <input
              {...p}
              value={pattern}
              maxLength={500}
              onChange={(e) => setPattern(e.target.value)}
              data-testid="rule-pattern"
            />
          )}
        </Field>
      )}
      {kind === 'sentiment_floor' && (
        <Field label="Lowest tone allowed (−1 to 1)" error={field('threshold')}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
            />
          )}
        </Field>
      )}
      <ErrorBanner
        error={save.error}
        fields={[
          'kind',
          'severity',
          'message',
          'phrases',
          'domains',
          'competitors',
          'replacement',
          'pattern',
          'threshold',
        ]}
      />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="rule-save">
          {rule ? 'Save rule' : 'Add rule'}
        </button>
      </div>
    </form>
  );
}
