import { englishDataset, englishRecommendedTransformers, RegExpMatcher, TextCensor } from 'obscenity';
import { scoreSentiment } from '../triage/index.ts';
import { type DetectorFactory, type Hit, matchAll, phraseRegExp } from './detector.types.ts';

// One matcher for the process: obscenity's English set (MIT) with its recommended look-alike transformers.
const PROFANITY = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

export const profanityDetector: DetectorFactory = () => (text) => {
  const seen = new Set<number>();
  const hits: Hit[] = [];
  for (const match of PROFANITY.getAllMatches(text, true)) {
    if (seen.has(match.startIndex)) continue;
    seen.add(match.startIndex);
    const span = { start: match.startIndex, end: match.endIndex + 1 };
    const word = text.slice(span.start, span.end);
    hits.push({
      span,
      fix: {
        label: 'Mask the word',
        replacement: `${word.charAt(0)}${'*'.repeat(word.length - 1)}`,
      },
    });
  }
  return hits;
};

// A run of three or more shouted words (two letters or more each), or one shouted word of eight letters or more.
const SHOUT_RUN =
  /(?<![\p{L}])\p{Lu}{2,}(?:[\s,.!?'-]+\p{Lu}{2,}){2,}(?![\p{L}])|(?<![\p{L}])\p{Lu}{8,}(?![\p{L}])/gu;

/** "WE ARE SORRY" → "We are sorry". */
function sentenceCase(shouted: string): string {
  const lower = shouted.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export const shoutingDetector: DetectorFactory = () => (text) =>
  matchAll(SHOUT_RUN, text).map((span) => ({
    span,
    fix: { label: 'Use sentence case', replacement: sentenceCase(text.slice(span.start, span.end)) },
  }));

export const DEFAULT_SENTIMENT_FLOOR = -0.6;

export const sentimentDetector: DetectorFactory = (rule) => {
  const floor = rule.threshold ?? DEFAULT_SENTIMENT_FLOOR;
  return (text) => (scoreSentiment(text) < floor ? [{ span: { start: 0, end: text.length } }] : []);
};

// Cues of sarcasm aimed at the reader: phrases a care agent should never write to a customer.
export const SARCASM_CUES = [
  'thanks for nothing',
  'good luck with that',
  'as i already said',
  'as i said before',
  'as already explained',
  'as explained above',
  'obviously you',
  'clearly you',
  'if you had read',
  'if you had bothered',
  'read the instructions',
  'read it again',
  'with all due respect',
  'no offense but',
  'no offence but',
  'nice try',
  'yeah right',
  'sure you did',
  'wow, congratulations',
  'congrats on reading',
  'not rocket science',
  'try harder',
  'you must be new',
  'we get it',
  'bless your heart',
  'genius',
  'sweetie',
  'calm down',
];

export const sarcasmDetector: DetectorFactory = (rule) => {
  const re = phraseRegExp([...SARCASM_CUES, ...(rule.phrases ?? [])]);
  return (text) => (re ? matchAll(re, text).map((span) => ({ span })) : []);
};
