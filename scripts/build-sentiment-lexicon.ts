// Derives src/lib/triage/sentiment-lexicon.json from VADER's vader_lexicon.txt (MIT, C.J. Hutto):
// token → mean valence only, on VADER's −4..4 scale. Usage: npm run build:sentiment-lexicon
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasEvalDataSets, resolveEvalDataDir, SHIPPED_MODEL_FILES } from '../src/lib/triage/index.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outPath = fileURLToPath(SHIPPED_MODEL_FILES.sentimentLexicon);

function main(): void {
  const dataDir = resolveEvalDataDir(repoRoot);
  if (!hasEvalDataSets(dataDir, ['vader-icwsm2014'])) {
    console.error(`build-sentiment-lexicon: needs vader-icwsm2014 under ${dataDir} (set SOUK_EVAL_DATA)`);
    process.exit(1);
  }
  const valence: Record<string, number> = {};
  for (const line of readFileSync(join(dataDir, 'vader-icwsm2014', 'vader_lexicon.txt'), 'utf8').split(
    '\n',
  )) {
    const [token, mean] = line.split('\t');
    if (token && mean !== undefined) valence[token] = Number(mean);
  }
  const file = {
    source: 'VADER lexicon (vaderSentiment/vader_lexicon.txt), Hutto & Gilbert, ICWSM 2014',
    license: 'MIT, Copyright (c) 2016 C.J. Hutto; see README.md in this folder',
    valence,
  };
  writeFileSync(outPath, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${Object.keys(valence).length} entries to ${outPath.slice(repoRoot.length)}`);
}

main();
