import type { Rule } from '../api/rules.api.ts';

/** How far a topic's or rule's query has been applied to the mentions stored before it. */
export function BackfillProgress({ backfill }: { backfill: Rule['backfill'] }) {
  if (!backfill) return null;
  if (backfill.status === 'done')
    return (
      <span className="small muted" data-testid="backfill-done">
        Applied to {backfill.total.toLocaleString('en')} stored mentions
      </span>
    );
  const share = backfill.total === 0 ? 1 : Math.min(1, backfill.done / backfill.total);
  return (
    <span className="listening-backfill small" data-testid="backfill-running">
      <progress max={backfill.total} value={backfill.done} aria-label="Backfill progress" />
      Tagging stored mentions: {backfill.done.toLocaleString('en')} / {backfill.total.toLocaleString('en')} (
      {Math.round(share * 100)}%)
    </span>
  );
}
