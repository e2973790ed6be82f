import { mulberry32 } from '../softmax-regression.trainer.ts';
import type { Intent } from '../triage.types.ts';
import { hasDataSets } from './eval-data.path.ts';
import { mapBanking77, mapClinc150 } from './intent-label.mapping.ts';
import { expandSeeds } from './intent-seed.data.ts';
import { SEED_COPIES } from './intent-training.set.ts';
import { loadBanking77, loadClinc150, loadClincDomains } from './public-data.loader.ts';

export type CheckSet = { name: string; examples: { text: string; label: Intent }[] };

/** Rows of the check set; a seeded sample keeps a retrain's check well under a second. */
export const CHECK_SET_SIZE = 1500;

/**
 * Data the shipped model never trained on, with Souk's labels: the BANKING77 and CLINC150 test splits mapped by
 * the training label mapping (both sets may train and be scored). Without the public data folder, the
 * project-authored seed utterances stand in; those trained the shipped model, so they measure retention only.
 */
export function shippedCheckSet(dataDir: string): CheckSet {
  if (!hasDataSets(dataDir, ['banking77', 'clinc150'])) {
    return {
      name: 'seed utterances (shipped training data: a retention check; public test splits not found)',
      examples: expandSeeds(SEED_COPIES).map((s) => ({ text: s.text, label: s.label })),
    };
  }
  const domains = loadClincDomains(dataDir);
  const mapped = [
    ...loadBanking77(dataDir, 'test').map((r) => ({ text: r.text, label: mapBanking77(r.label) })),
    ...loadClinc150(dataDir).test.map((r) => ({ text: r.text, label: mapClinc150(r.label, domains) })),
  ].filter((r): r is { text: string; label: Intent } => r.label !== null);
  const random = mulberry32(5);
  const sample = mapped
    .map((example) => ({ example, key: random() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, CHECK_SET_SIZE)
    .map((s) => s.example);
  return { name: 'BANKING77 + CLINC150 test splits (held out from the shipped model)', examples: sample };
}
