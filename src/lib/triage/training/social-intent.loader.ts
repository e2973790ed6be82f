import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS, type Intent } from '../triage.types.ts';

/** One post of `social-intent-dev` (written for Souk, CC0). Part A may train; part B is evaluation only. */
export type SocialPost = { id: string; intent: Intent; sentiment: 0 | 1 | 2; text: string };

const SENTIMENT: Record<string, 0 | 1 | 2> = { negative: 0, neutral: 1, positive: 2 };

export const SOCIAL_INTENT_SET = 'social-intent-dev';

/** Reads `part-a.tsv` or `part-b.tsv` (tab-separated, no quoting; header id, intent, sentiment, text). */
export function loadSocialPosts(dataDir: string, part: 'a' | 'b'): SocialPost[] {
  const lines = readFileSync(join(dataDir, SOCIAL_INTENT_SET, `part-${part}.tsv`), 'utf8').split('\n');
  return lines.slice(1).flatMap((line) => {
    if (line.trim() === '') return [];
    const [id, intent, sentiment, text] = line.split('\t');
    if (!(INTENTS as readonly string[]).includes(intent) || SENTIMENT[sentiment] === undefined)
      throw new Error(`${SOCIAL_INTENT_SET} part ${part}: bad row ${id}`);
    return [{ id, intent: intent as Intent, sentiment: SENTIMENT[sentiment], text }];
  });
}
