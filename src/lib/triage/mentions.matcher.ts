/** Finds which of a caller's names appear in a text's `mentionWords`; built once per list of names. */
export type MentionMatcher = (words: readonly string[]) => string[];

const ALPHANUMERIC = /[\p{L}\p{N}]+/gu;

/** Lower-case letter-and-digit runs: what names are matched against, computed once per message. */
export function mentionWords(text: string): string[] {
  return text.toLowerCase().match(ALPHANUMERIC) ?? [];
}

type Candidate = { name: string; words: string[] };

// Names are matched on whole words, and also squashed into one word, which is how they appear as
// #hashtags and @handles: "Air Max 90" matches "air max 90", "#AirMax90" and "@airmax90".
export function createMentionMatcher(names: readonly string[]): MentionMatcher {
  const byFirstWord = new Map<string, Candidate[]>();
  const bySquashed = new Map<string, string>();
  for (const name of names) {
    const words = mentionWords(name);
    if (words.length === 0) continue;
    byFirstWord.set(words[0], [...(byFirstWord.get(words[0]) ?? []), { name, words }]);
    if (words.length > 1) bySquashed.set(words.join(''), name);
  }
  return (words) => {
    const found = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      const squashed = bySquashed.get(words[i]);
      if (squashed !== undefined) found.add(squashed);
      for (const candidate of byFirstWord.get(words[i]) ?? []) {
        if (candidate.words.every((w, k) => words[i + k] === w)) found.add(candidate.name);
      }
    }
    return [...found];
  };
}
