import type { TextTokens } from './text.tokenizer.ts';

// Cues of suggestion mood, written by hand from how people phrase ideas in product feedback forums and social
// posts (Negi & Buitelaar's "suggestion mood" surface patterns: modals, imperatives, wishes, "would be nice").
// Word n-grams alone need many examples of each wording; a cue fires for every wording of one pattern, which is
// what a detector trained on a few hundred hand-written sentences needs to generalise. Each cue is a term that
// cannot be a word ("<cue:…>"), learnt with its own weight next to the word features.

/** Base-form verbs that open a request for a change when they start a clause ("Add …", "Please allow …"). */
const CHANGE_VERBS = (
  'add allow make provide support let enable include give show bring offer keep expose open put ' +
  'integrate publish stop start remove replace rename extend increase reduce unify merge move hide ' +
  'display introduce release port document fix simplify restore change improve implement update create ' +
  'consider use drop raise lower limit require ship expand fund listen get try redesign rethink ' +
  'reconsider revert deprecate standardize standardise clarify speed stick invest focus look return ' +
  'sell send set turn write fill cut'
).split(' ');
const VERB = `(?:${CHANGE_VERBS.join('|')})`;
const NICE =
  '(?:nice|great|good|helpful|useful|awesome|cool|better|ideal|handy|lovely|fantastic|amazing|wonderful|beneficial|convenient|excellent|brilliant|perfect|best|smart|wise|worth|easier|simpler)';
// A clause starts at the text's start or after a sentence mark; a leading softener does not change the mood.
const CLAUSE = String.raw`(?:^|[.!?;:,\-] )(?:(?:please|also|just|so|and|then|pls|plz|maybe|perhaps|simply|ms|microsoft|guys) (?:, )?)*`;

/** Each cue with the pattern over the space-joined normal forms (lower case, contractions expanded). */
const CUE_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['imperative', new RegExp(`${CLAUSE}${VERB} `)],
  ['dont-imperative', new RegExp(`${CLAUSE}do not ${VERB} `)],
  ['please', /(?:^| )(?:please|pls|plz|kindly)(?: |$)/],
  ['please-verb', new RegExp(`(?:please|pls|plz|kindly) (?:, )?${VERB} `)],
  [
    'modal-you',
    /(?:^| )(?:you|they|we|microsoft|ms|devs|developers|team|it|this|app|store|windows) (?:really )?(?:should|could|must|ought to|need to|needs to|have to|has to)(?: |$)/,
  ],
  ['should', /(?:^| )(?:should|shall|ought to)(?: |$)/],
  ['there-should', /there (?:should|needs to|must|ought to) be /],
  ['can-you', /(?:^| )(?:can|could|would|will) (?:you|we|they|microsoft|ms) (?:please |guys |kindly )?/],
  [
    'would-be-nice',
    new RegExp(
      `(?:would|will|could|might) (?:really |also |be )?(?:be )?(?:so |very |really |much |a lot |even |extremely )?${NICE}`,
    ),
  ],
  ['it-would-help', /(?:would|could|will) (?:really |greatly |also )?(?:help|improve|save|make it)(?: |$)/],
  [
    'would-like',
    /(?:^| )(?:i|we|users|people|developers|devs|everyone) (?:would|will|should|do|really) (?:really )?(?:like|love|appreciate|want|prefer)(?: |$)/,
  ],
  ['wish', /(?:^| )(?:i|we) (?:really )?(?:wish|hope)(?: |$)|(?:^| )(?:hopefully|wishlist|wish list)(?: |$)/],
  ['why-not', /why (?:not|do not you|do not they|can not you|can not we|is not there|is there no)(?: |$)/],
  ['how-about', /(?:how|what) about /],
  [
    'need-a-way',
    /(?:need|needs|want|wants|be|is|have) (?:a|an|some|the) (?:way|option|setting|ability|button|toggle|switch|api|feature|mode|tool|choice) (?:to|for) /,
  ],
  ['able-to', /(?:should|would|could|need to|needs to|want to|wants to|like to|love to) be able to /],
  ['support-for', /(?:support|option|options|setting|settings|ability) (?:for|to) /],
  [
    'add-support',
    /(?:add|adding|added|bring|provide|offer) (?:support|an option|a setting|the ability|an api|a way|a feature|a button)/,
  ],
  ['consider', /(?:^| )(?:consider|considering|reconsider|rethink)(?: |$)/],
  [
    'suggest',
    /(?:^| )(?:suggest|suggestion|suggestions|suggested|recommend|recommendation|propose|proposal|request|requesting|idea|ideas)(?: |$)/,
  ],
  ['instead-of', /(?:^| )(?:instead of|rather than|instead|better if|better to|better way)(?: |$)/],
  [
    'if-could',
    /(?:^| )if (?:you|they|we|microsoft|ms|it|there|the app|windows) (?:could|would|can|will|were|was|had)(?: |$)/,
  ],
  ['make-it', /(?:^| )make (?:it|them|this|that|sure)(?: |$)/],
  ['let-us', /(?:^| )let (?:us|me|users|people|developers|devs|apps|the user)(?: |$)/],
  [
    'no-way',
    /(?:there is|there are|there was|has|have) (?:no|not|not any|currently no) (?:way|option|setting|support|api)/,
  ],
  [
    'past-i',
    /(?:^| )(?:i|we) (?:have|had|was|were|did|tried|found|noticed|used|got|saw|started|bought|installed|ran|wrote|made|received)(?: |$)/,
  ],
  ['question', /\?/],
  ['thanks', /(?:^| )(?:thanks|thank you|thx|cheers)(?: |$)/],
];

/** The names of the cues, in a fixed order (tests and the model's provenance list them). */
export const SUGGESTION_CUES: readonly string[] = CUE_PATTERNS.map(([name]) => name);

/** The cue terms that fire for one message ("<cue:imperative>", …), each at most once. */
export function suggestionCues(tokens: TextTokens): string[] {
  const text = tokens.normals.join(' ');
  const cues: string[] = [];
  for (const [name, pattern] of CUE_PATTERNS) if (pattern.test(text)) cues.push(`<cue:${name}>`);
  return cues;
}
