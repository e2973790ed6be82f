// The rule tables of a VADER-style scorer. Negators, boosters and special cases follow vaderSentiment
// (Hutto & Gilbert, ICWSM 2014; MIT). The emoji and customer-care tables are project-authored (CC0):
// VADER maps emoji through a description file we do not ship, and its lexicon lacks some care words.

/** Step added by a booster ("very good") or removed by a dampener ("slightly good"). */
export const BOOST_INCREMENT = 0.293;
/** Extra weight of an ALL-CAPS sentiment word when the rest of the post is not shouted. */
export const CAPS_INCREMENT = 0.733;
/** "not good" keeps three quarters of the weight and flips: negation rarely means the exact opposite. */
export const NEGATION_SCALAR = -0.74;
/** VADER's normalisation constant: compound = x / sqrt(x² + α). */
export const NORMALIZE_ALPHA = 15;

// Whitespace-separated lists read better than one string per line.
const words = (list: string): string[] => list.trim().split(/\s+/);

export const NEGATORS = new Set(
  words(`
  aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't dont
  hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't neednt
  needn't never none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't
  shouldn't uh-uh wasn't weren't without wont wouldnt won't wouldn't rarely seldom despite`),
);

const INCREASERS = words(`
  absolutely amazingly awfully completely considerable considerably decidedly deeply effing enormous enormously
  entirely especially exceptional exceptionally extreme extremely fabulously flipping flippin frackin fracking
  fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly hella highly hugely incredible
  incredibly intensely major majorly more most particularly purely quite really remarkably so substantially
  thoroughly total totally tremendous tremendously uber unbelievably unusually utter utterly very`);

const DAMPENERS = [
  ...words(`
  almost barely hardly kinda kindof kind-of less little marginal marginally occasional occasionally partly
  scarce scarcely slight slightly somewhat sorta sortof sort-of`),
  'just enough',
  'kind of',
  'sort of',
];

export const BOOSTERS = new Map<string, number>([
  ...INCREASERS.map((w) => [w, BOOST_INCREMENT] as const),
  ...DAMPENERS.map((w) => [w, -BOOST_INCREMENT] as const),
]);

/** Multi-word phrases whose valence replaces that of the sentiment word inside them. */
export const SPECIAL_CASES = new Map<string, number>([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['badass', 1.5],
  ['bus stop', 0],
  ['yeah right', -2],
  ['kiss of death', -1.5],
  ['to die for', 3],
  ['beating heart', 3.1],
  ['broken heart', -2.9],
]);

// "token valence" pairs, whitespace-separated.
function valences(list: string): Map<string, number> {
  const parts = words(list);
  const map = new Map<string, number>();
  for (let i = 0; i + 1 < parts.length; i += 2) map.set(parts[i], Number(parts[i + 1]));
  return map;
}

/** Care words VADER's lexicon lacks, valued by the project on VADER's −4..4 scale (spelling variants first). */
export const CARE_LEXICON = valences(`
  canceled -1.0  delays -1.3  stranded -1.8  overcharged -1.8  unhelpful -1.8  unanswered -1.0  misplaced -1.2
  outage -1.5  glitch -1.0  crashed -1.3  crashing -1.3  ripoff -2.5  rip-off -2.5  disconnected -0.8
  overbooked -1.2  unreachable -1.0  understaffed -1.2  unresponsive -1.5  downgraded -1.2  inedible -2.0
  shoutout 1.5`);

/** Emoji valence on VADER's −4..4 scale (project-authored); variation selectors and skin tones are ignored. */
export const EMOJI_VALENCE = valences(`
  😀 2.0  😃 2.2  😄 2.2  😁 2.0  😆 2.0  😅 0.8  😂 1.8  🤣 2.0  🙂 1.2  😊 2.2  😇 1.8  😍 3.0  🥰 3.0  😘 2.3
  😋 1.8  😎 1.6  🤩 2.8  🥳 2.6  🤗 2.2  😌 1.2  😏 0.3  😐 -0.3  😑 -0.6  😒 -1.6  🙄 -1.5  😬 -0.8  😔 -1.8
  😕 -1.2  🙁 -1.5  ☹ -1.8  😟 -1.6  😥 -1.4  😢 -2.0  😭 -2.2  😤 -2.0  😠 -2.6  😡 -3.0  🤬 -3.2  😱 -1.5
  😨 -1.6  😰 -1.8  😩 -2.0  😫 -2.0  😞 -2.0  😣 -1.8  😖 -1.8  🤢 -2.4  🤮 -2.8  💩 -2.0  🤦 -1.8  😴 -0.5
  🥱 -0.8  😳 -0.6  🥺 -0.6  👍 1.8  👎 -2.0  👏 1.8  🙌 2.0  🙏 1.0  💪 1.5  ❤ 2.8  ♥ 2.5  💕 2.6  💖 2.6
  💗 2.6  💙 2.4  💚 2.4  💜 2.4  🧡 2.4  💛 2.4  💔 -2.5  🔥 1.5  ⭐ 1.2  🌟 1.6  ✨ 1.2  🎉 2.2  🎊 2.0
  💯 1.8  ✅ 1.0  ❌ -1.2`);
