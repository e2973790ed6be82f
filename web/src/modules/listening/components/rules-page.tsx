import { type FormEvent, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format/date.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading, LoadMore } from '../../../shared/ui/status.tsx';
import type { Rule } from '../api/rules.api.ts';
import { useMentions } from '../hooks/use-listening.ts';
import { useAddRule, useChangeRule, useRemoveRule, useRules } from '../hooks/use-rules.ts';
import { BackfillProgress } from './backfill-progress.tsx';

const EXAMPLE = 'zip NEAR/3 snapped OR "zip broke" -giveaway';

function RuleForm({ handle }: { handle: string }) {
  const add = useAddRule(handle);
  const [tag, setTag] = useState('');
  const [query, setQuery] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { tag, query },
      {
        onSuccess: () => {
          setTag('');
          setQuery('');
        },
      },
    );
  };
  return (
    <form className="listening-form" onSubmit={submit} data-testid="rule-form">
      <h2>Add a rule</h2>
      <label>
        Tag <input value={tag} onChange={(e) => setTag(e.target.value)} required maxLength={80} />
      </label>
      <label>
        Query
        <input
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          required
          placeholder={EXAMPLE}
          data-testid="rule-query"
        />
      </label>
      <ErrorBanner error={add.error} />
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        Add rule
      </button>
      <p className="small muted">
        New mentions get the tag as they arrive; mentions already stored get it from a backfill, shown below.
      </p>
    </form>
  );
}

function RuleRow({
  handle,
  rule,
  selected,
  onSelect,
}: {
  handle: string;
  rule: Rule;
  selected: boolean;
  onSelect: () => void;
}) {
  const change = useChangeRule(handle);
  const remove = useRemoveRule(handle);
  const [editing, setEditing] = useState(false);
  const [query, setQuery] = useState(rule.query);
  return (
    <li className={`listening-rule${selected ? ' current' : ''}`} data-testid="rule">
      <div className="listening-rule-head">
        <button type="button" className="link-btn listening-tag" onClick={onSelect}>
          {rule.tag}
        </button>
        <code className="listening-rule-query">{rule.query}</code>
      </div>
      <BackfillProgress backfill={rule.backfill} />
      {editing ? (
        <form
          className="listening-rule-edit"
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ id: rule.id, change: { query } }, { onSuccess: () => setEditing(false) });
          }}
        >
          <input value={query} onChange={(e) => setQuery(e.target.value)} required aria-label="Query" />
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            Save
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="listening-actions">
          <button type="button" className="btn btn-secondary" onClick={onSelect}>
            Mentions
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)}>
            Edit query
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Remove the rule and the tag "${rule.tag}"? The mentions stay.`))
                remove.mutate(rule.id);
            }}
          >
            Remove
          </button>
        </div>
      )}
      <ErrorBanner error={change.error ?? remove.error} />
    </li>
  );
}

function TaggedMentions({ handle, rule }: { handle: string; rule: Rule }) {
  const filter = useMemo(() => ({ tag: rule.id }), [rule.id]);
  const mentions = useMentions(handle, filter);
  const items = mentions.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="listening-drill" data-testid="tagged-mentions">
      <h2>Tagged “{rule.tag}”</h2>
      {mentions.error && <ErrorBanner error={mentions.error} />}
      {mentions.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title="No mention has this tag yet" />
      ) : (
        <ul className="listening-mentions">
          {items.map((m) => (
            <li key={m.id} className="listening-mention" data-testid="mention">
              <div className="small muted">
                @{m.author.handle} · {m.source} · {formatDateTime(m.postedAt)}
              </div>
              <p>{m.text}</p>
              <div className="listening-tags">
                {m.tags.map((t) => (
                  <span key={t.id} className={`listening-tag-chip kind-${t.kind}`}>
                    {t.name}
                  </span>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={mentions} />
    </section>
  );
}

/** A brand's auto-tagging rules: a query → a tag, applied to new mentions and, by a backfill, to stored ones. */
export function RulesPage() {
  const { handle = '' } = useParams();
  const rules = useRules(handle);
  const [selected, setSelected] = useState<string | null>(null);
  const current = rules.data?.items.find((r) => r.id === selected) ?? null;
  return (
    <div className="listening-rules">
      <PageHeader title="Auto-tagging rules">
        <Link to={`/orgs/${handle}/listening`}>Topics and imports</Link>
      </PageHeader>
      <RuleForm handle={handle} />
      {rules.isPending ? (
        <Loading />
      ) : rules.error ? (
        <ErrorBanner error={rules.error} />
      ) : rules.data.items.length === 0 ? (
        <EmptyState title="No rules yet" />
      ) : (
        <ul className="listening-rule-list">
          {rules.data.items.map((r) => (
            <RuleRow
              key={r.id}
              handle={handle}
              rule={r}
              selected={r.id === selected}
              onSelect={() => setSelected(r.id)}
            />
          ))}
        </ul>
      )}
      {current && <TaggedMentions handle={handle} rule={current} />}
    </div>
  );
}
