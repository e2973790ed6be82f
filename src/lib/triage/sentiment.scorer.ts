import {
  BOOSTERS,
  CAPS_INCREMENT,
  CARE_LEXICON,
  EMOJI_VALENCE,
  NEGATION_SCALAR,
  NEGATORS,
  NORMALIZE_ALPHA,
  SPECIAL_CASES,
} from './sentiment.rules.ts';
import lexiconFile from './sentiment-lexicon.json' with { type: 'json' };

// VADER's own values win over the care supplement where both have a word.
const LEXICON = new Map<string, number>([
  ...CARE_LEXICON,
  ...Object.entries(lexiconFile.valence as Record<string, number>),
]);

const EDGE_PUNCTUATION = /^[!-/:-@[-`{-~]+|[!-/:-@[-`{-~]+$/g;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
// Every emoji in the table lies in these ranges (or is a surrogate pair); most posts have none, so one cheap test
// spares the Unicode-property scan.
const MAY_HOLD_EMOJI = /[\u2600-\u2bff\ud83c-\ud83e]/;

type Words = { raw: string[]; lower: string[]; capDifferential: boolean };

/** Whitespace tokens with edge punctuation stripped, except emoticons such as ":)" that are lexicon entries. */
function splitWords(text: string): Words {
  const raw: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    if (LEXICON.has(token.toLowerCase())) raw.push(token);
    else {
      const stripped = token.replace(EDGE_PUNCTUATION, '');
      if (stripped !== '') raw.push(stripped);
    }
  }
  const lower = raw.map((w) => w.toLowerCase());
  const shouted = raw.filter(isShouted).length;
  return { raw, lower, capDifferential: shouted > 0 && shouted < raw.length };
}

function isShouted(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.includes("n't");
}

/** A booster before a sentiment word pushes it away from zero; shouting the booster pushes harder. */
function boosterScalar(words: Words, at: number, valence: number): number {
  const boost = BOOSTERS.get(words.lower[at]);
  if (boost === undefined) return 0;
  let scalar = valence < 0 ? -boost : boost;
  if (words.capDifferential && isShouted(words.raw[at]))
    scalar += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
  return scalar;
}

// `distance` is how many words back (1..3) the modifier sits; "never so good" intensifies instead of negating.
function applyNegation(valence: number, lower: string[], distance: number, i: number): number {
  const [w1, w2, w3] = [lower[i - 1], lower[i - 2], lower[i - 3]];
  if (distance === 2 && w2 === 'never' && (w1 === 'so' || w1 === 'this')) return valence * 1.25;
  if (distance === 2 && w2 === 'without' && w1 === 'doubt') return valence;
  if (distance === 3 && w3 === 'never' && (w2 === 'so' || w2 === 'this' || w1 === 'so' || w1 === 'this')) {
    return valence * 1.25;
  }
  if (distance === 3 && w3 === 'without' && (w2 === 'doubt' || w1 === 'doubt')) return valence;
  return isNegator(lower[i - distance]) ? valence * NEGATION_SCALAR : valence;
}

function applySpecialCases(valence: number, lower: string[], i: number): number {
  const at = (k: number) => lower[k] ?? '';
  const around = [
    `${at(i - 1)} ${at(i)}`,
    `${at(i - 2)} ${at(i - 1)} ${at(i)}`,
    `${at(i - 2)} ${at(i - 1)}`,
    `${at(i - 3)} ${at(i - 2)} ${at(i - 1)}`,
    `${at(i - 3)} ${at(i - 2)}`,
    `${at(i)} ${at(i + 1)}`,
    `${at(i)} ${at(i + 1)} ${at(i + 2)}`,
  ];
  let result = valence;
  const special = around.find((phrase) => SPECIAL_CASES.has(phrase));
  if (special !== undefined) result = SPECIAL_CASES.get(special)!;
  for (const phrase of around.slice(2, 5)) result += BOOSTERS.get(phrase) ?? 0;
  return result;
}

function precededByNo(lower: string[], i: number): boolean {
  return (
    lower[i - 1] === 'no' ||
    lower[i - 2] === 'no' ||
    (lower[i - 3] === 'no' && ['or', 'nor'].includes(lower[i - 1]))
  );
}

function modifiedValence(words: Words, i: number, base: number): number {
  let valence = base;
  if (words.lower[i] === 'no' && i < words.lower.length - 1 && LEXICON.has(words.lower[i + 1])) valence = 0;
  if (precededByNo(words.lower, i)) valence = base * NEGATION_SCALAR;
  if (words.capDifferential && isShouted(words.raw[i]))
    valence += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
  for (let distance = 1; distance <= 3 && distance <= i; distance++) {
    if (LEXICON.has(words.lower[i - distance])) continue;
    const decay = distance === 1 ? 1 : distance === 2 ? 0.95 : 0.9;
    valence += boosterScalar(words, i - distance, valence) * decay;
    valence = applyNegation(valence, words.lower, distance, i);
    if (distance === 3) valence = applySpecialCases(valence, words.lower, i);
  }
  return valence;
}

// "at least good" is not a negation; "least good" is.
function applyLeast(valence: number, lower: string[], i: number): number {
  if (lower[i - 1] !== 'least' || LEXICON.has('least')) return valence;
  return i > 1 && (lower[i - 2] === 'at' || lower[i - 2] === 'very') ? valence : valence * NEGATION_SCALAR;
}

function valenceAt(words: Words, i: number): number {
  const word = words.lower[i];
  if (BOOSTERS.has(word) || (word === 'kind' && words.lower[i + 1] === 'of')) return 0;
  const base = LEXICON.get(word);
  if (base === undefined) return 0;
  return applyLeast(modifiedValence(words, i, base), words.lower, i);
}

/** What follows "but" outweighs what precedes it: "the food was good but the service was awful". */
function applyButClause(lower: string[], sentiments: number[]): void {
  const at = lower.indexOf('but');
  if (at < 0) return;
  for (let i = 0; i < sentiments.length; i++) {
    if (i < at) sentiments[i] *= 0.5;
    else if (i > at) sentiments[i] *= 1.5;
  }
}

function punctuationEmphasis(text: string): number {
  let exclamations = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 33) exclamations++;
    else if (code === 63) questions++;
  }
  const questionBoost = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
  return Math.min(exclamations, 4) * 0.292 + questionBoost;
}

function emojiValences(text: string): number[] {
  const found: number[] = [];
  if (!MAY_HOLD_EMOJI.test(text)) return found;
  for (const match of text.matchAll(PICTOGRAPH)) {
    const valence = EMOJI_VALENCE.get(match[0]);
    if (valence !== undefined) found.push(valence);
  }
  return found;
}

/** VADER-style compound sentiment in −1..1 from lexicon valences, negation, boosters, "but", caps, "!" and emoji. */
export function scoreSentiment(text: string): number {
  const words = splitWords(text);
  const sentiments = words.lower.map((_, i) => valenceAt(words, i));
  applyButClause(words.lower, sentiments);
  sentiments.push(...emojiValences(text));
  let sum = sentiments.reduce((a, b) => a + b, 0);
  if (sum === 0) return 0;
  const emphasis = punctuationEmphasis(text);
  sum += sum > 0 ? emphasis : -emphasis;
  return Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALIZE_ALPHA)));
}

/** The lexicon's (or the emoji table's) valence of one lower-case word or emoji, 0 when it has none. */
export function wordValence(word: string): number {
  return LEXICON.get(word) ?? EMOJI_VALENCE.get(word) ?? 0;
}
