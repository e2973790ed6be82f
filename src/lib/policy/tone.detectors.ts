import { scoreSentiment } from '../triage/index.ts';
import { type DetectorFactory, matchAll, phraseRegExp } from './detector.types.ts';
import { PROFANE_WORDS } from './profanity.words.ts';

// Look-alike characters a writer swaps in to slip a word past a filter; a letter may also be repeated.
const LOOK_ALIKES: Record<string, string> = {
  a: 'a@4*',
  e: 'e3*',
  i: 'i1!*',
  o: 'o0*',
  s: 's$5*',
  u: 'u*v',
  t: 't7',
  l: 'l1',
};
const letterClass = (c: string) => `[${(LOOK_ALIKES[c] ?? c).replace(/[\]^-]/g, '\\$&')}]+`;
const PROFANITY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...PROFANE_WORDS]
    .sort((a, b) => b.length - a.length)
    .map((w) => [...w].map(letterClass).join(''))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

export const profanityDetector: DetectorFactory = () => (text) =>
  matchAll(PROFANITY, text).map((span) => {
    const word = text.slice(span.start, span.end);
    return {
      span,
      fix: { label: 'Mask the word', replacement: `${word.charAt(0)}${'*'.repeat(word.length - 1)}` },
    };
  });

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
