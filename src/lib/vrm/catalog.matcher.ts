/** A catalog entry to match against: a product and, optionally, one of its variants. */
export type CatalogEntry = { productId: string; variantId: string; title: string };

export type CatalogMatch = CatalogEntry & { score: number };

const normalise = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function trigrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Share of the title's words the request names (typos forgiven by trigrams, below). */
function tokenOverlap(words: Set<string>, title: string[]): number {
  if (title.length === 0) return 0;
  return title.filter((t) => words.has(t)).length / title.length;
}

/** Trigram similarity of the title against the request's words: |A∩B| / |B|, so extra request words cost nothing. */
function trigramContainment(request: Set<string>, title: Set<string>): number {
  if (title.size === 0) return 0;
  let shared = 0;
  for (const g of title) if (request.has(g)) shared++;
  return shared / title.size;
}

/**
 * The catalog entries a request's words name, best first: the mean of token overlap and trigram containment of
 * each title (so "x200 blue" finds "X200 Headphones (Blue)" and "x-200" or "X20O" still come close). Entries
 * scoring under `minScore` are left out.
 */
export function matchCatalog(words: string[], entries: CatalogEntry[], minScore = 0.45): CatalogMatch[] {
  const joined = words.flatMap(normalise);
  const wordSet = new Set(joined);
  // "x 200" and "x200" should meet: the request's adjacent pairs are candidate words too.
  for (let i = 0; i + 1 < joined.length; i++) wordSet.add(joined[i] + joined[i + 1]);
  const grams = trigrams([...wordSet]);
  return entries
    .map((e) => {
      const title = normalise(e.title);
      const score = (tokenOverlap(wordSet, title) + trigramContainment(grams, trigrams(title))) / 2;
      return { ...e, score: Math.round(score * 1000) / 1000 };
    })
    .filter((m) => m.score >= minScore)
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}
