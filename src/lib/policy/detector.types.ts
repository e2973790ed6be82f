import type { Channel, LintContext, PolicyRule, Span } from './policy.types.ts';

/** One match of a detector; the engine turns it into a finding with the rule's severity and message. */
export type Hit = { span: Span; fix?: { label: string; replacement: string } };

/** A rule made ready to run: everything costly (patterns, word sets) is built once, at compile time. */
export type Detector = (text: string, context: LintContext) => Hit[];

export type DetectorFactory = (rule: PolicyRule) => Detector;

/** The channels a kind applies to when the rule names none. */
export type ChannelDefault = readonly Channel[] | 'all';

/** Every match of a global JavaScript regular expression (one written here, never a brand's). */
export function matchAll(re: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return spans;
}

/** A case-insensitive, word-bounded alternation of literal phrases: linear, as the phrases are escaped. */
export function phraseRegExp(phrases: readonly string[]): RegExp | null {
  const clean = phrases.map((p) => p.trim()).filter((p) => p !== '');
  if (clean.length === 0) return null;
  const escaped = clean
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  // Word boundaries only where the phrase starts or ends with a word character ("#employee" has none before).
  const bounded = escaped.map((p, i) => {
    const raw = clean[i] as string;
    return `${/^\w/.test(raw) ? '(?<![\\p{L}\\p{N}_])' : ''}${p}${/\w$/.test(raw) ? '(?![\\p{L}\\p{N}_])' : ''}`;
  });
  return new RegExp(bounded.join('|'), 'giu');
}
