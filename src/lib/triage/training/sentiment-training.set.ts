import { SENTIMENT_CLASSES } from '../sentiment.model.ts';
import type { TrainingExample } from '../text.classifier.ts';
import type { Intent } from '../triage.types.ts';
import { expandSocialSeeds } from './intent-seed-social.data.ts';
import { SOCIAL_SEED_COPIES } from './intent-training.set.ts';
import type { SocialPost } from './social-intent.loader.ts';

/**
 * Which of Souk's social seed posts (project-written, CC0, labelled with an intent only) also train the sentiment
 * model, with a tone read off their intent: `polar` takes complaints as negative and praise as positive (the seeds
 * were written that way, sarcasm included); `mapped` adds questions, price requests and requests for proposals as
 * neutral; `none` trains on social-intent-dev part A alone. Purchases, ideas and chatter go either way, so no seed
 * of theirs is used.
 */
export type SentimentSeedMode = 'none' | 'polar' | 'mapped';

const SEED_TONE: Record<Exclude<SentimentSeedMode, 'none'>, Partial<Record<Intent, number>>> = {
  polar: { complaint: 0, praise: 2 },
  mapped: { complaint: 0, praise: 2, question: 1, product_price_request: 1, rfp: 1 },
};

export type SentimentTrainingOptions = {
  seeds: SentimentSeedMode;
  /** Share of the total training weight the seeds carry (part A carries the rest). */
  seedShare: number;
  /** Share carried by the other intent-labelled examples given (the public sets that may train, the older
   * seeds), with their tone read off the intent as `mapped` does. */
  otherShare?: number;
};

/** Intent-labelled text from a source that may train a shipped model. */
export type IntentLabelledText = { text: string; label: Intent };

/** Part A posts (never part B) with their own sentiment label, plus the seeds the options name. */
export function buildSentimentTrainingSet(
  posts: readonly SocialPost[],
  options: SentimentTrainingOptions,
  others: readonly IntentLabelledText[] = [],
): TrainingExample[] {
  const own = posts.map((p) => ({ text: p.text, label: SENTIMENT_CLASSES[p.sentiment], weight: 1 }));
  const seeds =
    options.seeds === 'none' || options.seedShare <= 0
      ? []
      : toned(expandSocialSeeds(SOCIAL_SEED_COPIES), SEED_TONE[options.seeds]);
  const extra = (options.otherShare ?? 0) > 0 ? toned(others, SEED_TONE.mapped) : [];
  const seedShare = seeds.length > 0 ? options.seedShare : 0;
  const otherShare = extra.length > 0 ? (options.otherShare ?? 0) : 0;
  // Part A carries what the other sources leave; each source's share is spread evenly over its examples.
  const unit = own.length / (1 - seedShare - otherShare);
  return [
    ...own,
    ...seeds.map((e) => ({ ...e, weight: (seedShare * unit) / seeds.length })),
    ...extra.map((e) => ({ ...e, weight: (otherShare * unit) / extra.length })),
  ];
}

function toned(
  examples: readonly IntentLabelledText[],
  tones: Partial<Record<Intent, number>>,
): { text: string; label: string }[] {
  return examples.flatMap((e) => {
    const tone = tones[e.label];
    return tone === undefined ? [] : [{ text: e.text, label: SENTIMENT_CLASSES[tone] }];
  });
}
