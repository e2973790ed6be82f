import { INTENTS, type Intent } from '../triage.types.ts';
import { mapBanking77, mapBitext, mapClinc150 } from './intent-label.mapping.ts';
import { expandSeeds } from './intent-seed.data.ts';
import { expandSocialSeeds } from './intent-seed-social.data.ts';
import { loadBanking77, loadBitext, loadClinc150, loadClincDomains } from './public-data.loader.ts';
import type { SocialPost } from './social-intent.loader.ts';

/** `group` ties the variants of one seed template together, so a hold-out never splits them. */
export type IntentExample = { text: string; label: Intent; source: string; weight: number; group: string };

/** Share of an intent's weight that each kind of source carries, renormalised over the kinds an intent has: the
 * public sets are banking and assistant queries, the seeds short generic posts, and the social posts (Souk's
 * social seeds and social-intent-dev part A) the register triage meets. Chosen by cross-validation on part A
 * (`npm run cv:intent`), never on part B. */
export const SOURCE_SHARES: Record<SourceKind, number> = { public: 0.1, seed: 0.1, social: 0.8 };
/** Kept for the model file's provenance: the seeds' share where only seeds and public sets hold an intent. */
export const SEED_SHARE = SOURCE_SHARES.seed / (SOURCE_SHARES.seed + SOURCE_SHARES.public);
export const SEED_COPIES = 4;
export const SOCIAL_SEED_COPIES = 4;

export type SourceKind = 'public' | 'seed' | 'social';

export function sourceKind(source: string): SourceKind {
  return source === 'seed'
    ? 'seed'
    : source === 'social-seed' || source === 'social-dev-a'
      ? 'social'
      : 'public';
}

/**
 * Every example that may train the shipped model: the sets the data README marks "may train", the seeds, and
 * the social posts given (social-intent-dev part A; never part B).
 */
export function buildIntentTrainingSet(
  dataDir: string,
  socialPosts: readonly SocialPost[] = [],
  shares: Record<SourceKind, number> = SOURCE_SHARES,
): IntentExample[] {
  const domains = loadClincDomains(dataDir);
  const clinc = loadClinc150(dataDir);
  const mapped = [
    ...mapAll('banking77', loadBanking77(dataDir, 'train'), mapBanking77),
    ...mapAll('clinc150', [...clinc.train, ...clinc.val], (l) => mapClinc150(l, domains)),
    ...mapAll('bitext', loadBitext(dataDir), mapBitext),
    ...expandSeeds(SEED_COPIES).map((s) => ({
      text: s.text,
      label: s.label,
      source: 'seed',
      weight: 1,
      group: s.template,
    })),
    ...expandSocialSeeds(SOCIAL_SEED_COPIES).map((s) => ({
      text: s.text,
      label: s.label,
      source: 'social-seed',
      weight: 1,
      group: `social:${s.template}`,
    })),
    ...socialPosts.map((p) => ({
      text: p.text,
      label: p.intent,
      source: 'social-dev-a',
      weight: 1,
      group: p.id,
    })),
  ];
  return balanceWeights(mapped, shares);
}

function mapAll(
  source: string,
  rows: readonly { text: string; label: string }[],
  map: (label: string) => Intent | null,
): IntentExample[] {
  return rows.flatMap((row) => {
    const label = map(row.label);
    return label === null ? [] : [{ text: row.text, label, source, weight: 1, group: row.text }];
  });
}

// Each intent gets the same total weight, so the model's prior does not favour the intents that public
// sets happen to have thousands of; inside an intent, each kind of source gets its share of it (renormalised
// over the kinds the intent has), and inside the social kind, Souk's social seeds and part A weigh the same.
function balanceWeights(examples: IntentExample[], shares: Record<SourceKind, number>): IntentExample[] {
  const perIntent = examples.length / INTENTS.length;
  const counts = new Map<string, number>();
  const key = (e: IntentExample) => `${e.label}/${sourceKind(e.source)}`;
  const sub = (e: IntentExample) => `${e.label}/${e.source}`;
  for (const e of examples) {
    counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
    counts.set(sub(e), (counts.get(sub(e)) ?? 0) + 1);
  }
  return examples.map((example) => {
    const kinds = (Object.keys(shares) as SourceKind[]).filter((k) => counts.has(`${example.label}/${k}`));
    const total = kinds.reduce((sum, k) => sum + shares[k], 0);
    const kind = sourceKind(example.source);
    const share = shares[kind] / total;
    if (kind !== 'social')
      return { ...example, weight: (perIntent * share) / (counts.get(key(example)) ?? 1) };
    // Inside the social kind, each source (social seeds, part A) carries an equal part.
    const sources = ['social-seed', 'social-dev-a'].filter((s) => counts.has(`${example.label}/${s}`)).length;
    return { ...example, weight: (perIntent * share) / sources / (counts.get(sub(example)) ?? 1) };
  });
}
