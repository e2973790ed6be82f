import { intentLabel, type Priority } from '../api/care.types.ts';

/** −1 → red, 0 → amber, +1 → green. */
export function sentimentColor(sentiment: number): string {
  const clamped = Math.max(-1, Math.min(1, sentiment));
  return `hsl(${Math.round(((clamped + 1) / 2) * 120)} 70% 40%)`;
}

function sentimentWord(sentiment: number): string {
  if (sentiment <= -0.25) return 'negative';
  if (sentiment >= 0.25) return 'positive';
  return 'neutral';
}

export function IntentChip({ intent, testId = 'inbox-intent' }: { intent: string | null; testId?: string }) {
  return (
    <span className={`care-chip intent-${intent ?? 'none'}`} data-testid={testId} data-intent={intent ?? ''}>
      {intentLabel(intent)}
    </span>
  );
}

export function SentimentIndicator({ sentiment }: { sentiment: number | null }) {
  if (sentiment === null) return null;
  const word = sentimentWord(sentiment);
  return (
    <span
      className="care-sentiment"
      data-testid="inbox-sentiment"
      data-sentiment={sentiment.toFixed(2)}
      data-tone={word}
      title={`Sentiment ${sentiment.toFixed(2)} (${word})`}
    >
      <span className="care-sentiment-dot" style={{ background: sentimentColor(sentiment) }} aria-hidden />
      <span className="care-sentiment-value">
        {sentiment > 0 ? '+' : ''}
        {sentiment.toFixed(1)}
      </span>
      <span className="visually-hidden"> {word}</span>
    </span>
  );
}

export function PriorityChip({ priority }: { priority: Priority }) {
  return (
    <span className={`care-priority priority-${priority}`} data-testid="inbox-priority">
      {priority}
    </span>
  );
}
