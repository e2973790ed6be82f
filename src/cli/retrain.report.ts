import type { RetrainOutcome } from '../modules/care/index.ts';

const pct = (share: number) => `${(100 * share).toFixed(1)}%`;

/** What `souk care retrain` prints for one brand. */
export function describeRetrain(handle: string, outcome: RetrainOutcome): string[] {
  if (outcome.status === 'no_corrections')
    return [`@${handle}: no corrections yet, nothing to learn; it keeps the shipped model`];
  const m = outcome.metrics;
  const on =
    m.evaluation === 'held_out'
      ? `on ${m.evaluatedOn} held-out corrections (trained on the other ${m.correctionsUsed - m.evaluatedOn} for this figure)`
      : `on the ${m.evaluatedOn} corrections it learnt from (too few to hold any out: fewer than 10)`;
  const lines = [
    `@${handle}: ${m.correctionsUsed} corrections used`,
    `  accuracy ${on}: shipped ${pct(m.correctionsBefore)} → brand ${pct(m.correctionsAfter)}`,
    `  check set, ${m.guard.set} (${m.guard.size}): shipped ${pct(m.guard.shipped)} → brand ${pct(m.guard.brand)}`,
  ];
  lines.push(
    outcome.status === 'trained'
      ? `  stored; new messages of @${handle} are triaged with it (trained at ${outcome.trainedAt})`
      : `  ${outcome.message}; the brand keeps its previous model`,
  );
  return lines;
}
