import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { ImportFormat, TopicInput } from '../api/listening.api.ts';
import { useAddTopic, useImports, useTopics, useUpload } from '../hooks/use-listening.ts';
import { AlertsPanel } from './alerts-panel.tsx';
import { SourcesPanel } from './sources-panel.tsx';

const KINDS: TopicInput['kind'][] = ['brand', 'product', 'competitor', 'category'];
const FORMATS: { value: ImportFormat; label: string }[] = [
  { value: 'twcs', label: 'Customer Support on Twitter CSV' },
  { value: 'tweets-js', label: 'X/Twitter archive (tweets.js)' },
  { value: 'mastodon-outbox', label: 'Mastodon export (outbox.json)' },
  { value: 'jetstream', label: 'Bluesky Jetstream (JSON lines)' },
  { value: 'csv', label: 'CSV with a column mapping' },
  { value: 'jsonl', label: 'JSON lines with a mapping' },
];

function TopicForm({ handle }: { handle: string }) {
  const add = useAddTopic(handle);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TopicInput['kind']>('brand');
  const [query, setQuery] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { name, kind, query },
      {
        onSuccess: () => {
          setName('');
          setQuery('');
        },
      },
    );
  };
  return (
    <form className="listening-form" onSubmit={submit} data-testid="topic-form">
      <h2>Add a topic</h2>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as TopicInput['kind'])}>
          {KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        Query
        <input
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          required
          placeholder='acme OR @acme OR "acme shoes" -job*'
          data-testid="topic-query"
        />
      </label>
      <ErrorBanner error={add.error} fields={['query', 'name']} />
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        Add topic
      </button>
    </form>
  );
}

function ImportPanel({ handle }: { handle: string }) {
  const upload = useUpload(handle);
  const imports = useImports(handle);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('twcs');
  const [mapping, setMapping] = useState('');
  const last = upload.data ?? imports.data?.items[0];
  return (
    <section className="listening-form" data-testid="import-panel">
      <h2>Import mentions</h2>
      <label>
        Format
        <select value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      {(format === 'csv' || format === 'jsonl') && (
        <label>
          Mapping
          <input
            value={mapping}
            onChange={(e) => setMapping(e.target.value)}
            placeholder='{"id":"id","text":"body","createdAt":"at"}'
          />
        </label>
      )}
      <label>
        File{' '}
        <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="import-file" />
      </label>
      <ErrorBanner error={upload.error} fields={['file', 'mapping']} />
      <button
        type="button"
        className="btn btn-primary"
        disabled={!file || upload.isPending}
        onClick={() => file && upload.mutate({ file, format, mapping })}
      >
        {upload.isPending ? 'Importing…' : 'Import'}
      </button>
      {last && (
        <div className="listening-report" data-testid="import-report">
          <p>
            {last.fileName ?? last.format}: {last.imported} stored, {last.duplicates} already there,{' '}
            {last.ignored} not posts, {last.errorCount} bad lines
            {last.failure ? ` — stopped: ${last.failure}` : ''}
          </p>
          {last.errors.length > 0 && (
            <ul>
              {last.errors.slice(0, 20).map((e) => (
                <li key={e.line}>
                  line {e.line}: {e.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** The listening workspace: the brand's topics, a form to add one, and imports of mention files. */
export function ListeningPage() {
  const { handle = '' } = useParams();
  const topics = useTopics(handle);
  return (
    <div className="listening-page">
      <PageHeader title="Listening" />
      {topics.isPending ? (
        <Loading />
      ) : topics.error ? (
        <ErrorBanner error={topics.error} />
      ) : topics.data.items.length === 0 ? (
        <EmptyState title="No topics yet">
          Add a topic for your brand and your competitors to see their mentions.
        </EmptyState>
      ) : (
        <ul className="listening-topics" data-testid="topic-list">
          {topics.data.items.map((t) => (
            <li key={t.id}>
              <Link to={`/orgs/${handle}/listening/topics/${t.id}`}>{t.name}</Link>
              <span className="muted small"> {t.kind}</span>
              <code className="small truncate">{t.query}</code>
            </li>
          ))}
        </ul>
      )}
      <div className="listening-forms">
        <TopicForm handle={handle} />
        <ImportPanel handle={handle} />
        <SourcesPanel handle={handle} />
        <AlertsPanel handle={handle} />
      </div>
    </div>
  );
}
