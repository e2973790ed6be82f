import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from './csv.parser.ts';

/** One labelled utterance from a public intent set, with the set's own label. */
export type LabelledText = { text: string; label: string };

export type ClincSplits = {
  train: LabelledText[];
  val: LabelledText[];
  test: LabelledText[];
};

function readText(dataDir: string, ...parts: string[]): string {
  return readFileSync(join(dataDir, ...parts), 'utf8');
}

/** BANKING77 (PolyAI, CC BY 4.0): `split` is train or test. */
export function loadBanking77(dataDir: string, split: 'train' | 'test'): LabelledText[] {
  return parseCsvRecords(readText(dataDir, 'banking77', `${split}.csv`)).map((r) => ({
    text: r.text,
    label: r.category,
  }));
}

/** CLINC150 full (CC BY 3.0); out-of-scope rows are merged into each split with the label `oos`. */
export function loadClinc150(dataDir: string): ClincSplits {
  const raw = JSON.parse(readText(dataDir, 'clinc150', 'data_full.json')) as Record<
    string,
    [string, string][]
  >;
  const pairs = (key: string) => raw[key].map(([text, label]) => ({ text, label }));
  return {
    train: [...pairs('train'), ...pairs('oos_train')],
    val: [...pairs('val'), ...pairs('oos_val')],
    test: [...pairs('test'), ...pairs('oos_test')],
  };
}

/** Bitext customer-service sample (CDLA-Sharing-1.0); semi-synthetic utterances, 27 intents. */
export function loadBitext(dataDir: string): LabelledText[] {
  const file = join('bitext-customer-service', 'Bitext_Sample_Customer_Service_Training_Dataset.csv');
  return parseCsvRecords(readText(dataDir, file)).map((r) => ({ text: r.utterance, label: r.intent }));
}

/** CLINC150 label → domain (banking, travel, small_talk …) from its domains.json. */
export function loadClincDomains(dataDir: string): Map<string, string> {
  const raw = JSON.parse(readText(dataDir, 'clinc150', 'domains.json')) as Record<string, string[]>;
  return new Map(Object.entries(raw).flatMap(([domain, labels]) => labels.map((l) => [l, domain] as const)));
}
