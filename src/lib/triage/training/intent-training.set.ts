import { INTENTS, type Intent } from '../triage.types.ts';
import { mapBanking77, mapBitext, mapClinc150 } from './intent-label.mapping.ts';
import { expandSeeds } from './intent-seed.data.ts';
import { loadBanking77, loadBitext, loadClinc150, loadClincDomains } from './public-data.loader.ts';

/** `group` ties the variants of one seed template together, so a hold-out never splits them. */
export type IntentExample = { text: string; label: Intent; source: string; weight: number; group: string };

/** Share of an intent's weight that the hand-written seeds carry when a public set also has that intent:
 * the public sets are banking and assistant queries, the seeds are social posts, and both matter. */
export const SEED_SHARE = 0.35;
export const SEED_COPIES = 4;

/** Every example that may train the shipped model: the sets the data README marks "may train", plus seeds. */
export function buildIntentTrainingSet(dataDir: string): IntentExample[] {
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
  ];
  return balanceWeights(mapped);
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
// sets happen to have thousands of; inside an intent, seeds get SEED_SHARE of it when they share it.
function balanceWeights(examples: IntentExample[]): IntentExample[] {
  const perIntent = examples.length / INTENTS.length;
  const counts = new Map<string, number>();
  const key = (e: IntentExample) => `${e.label}/${e.source === 'seed' ? 'seed' : 'public'}`;
  for (const e of examples) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  return examples.map((example) => {
    const seeds = counts.get(`${example.label}/seed`) ?? 0;
    const publics = counts.get(`${example.label}/public`) ?? 0;
    const share = seeds === 0 || publics === 0 ? 1 : example.source === 'seed' ? SEED_SHARE : 1 - SEED_SHARE;
    return { ...example, weight: (perIntent * share) / (counts.get(key(example)) ?? 1) };
  });
}
