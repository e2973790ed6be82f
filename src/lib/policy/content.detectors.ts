import { type DetectorFactory, type Hit, matchAll, phraseRegExp } from './detector.types.ts';
import type { Span } from './policy.types.ts';
import { compileSafePattern } from './safe-pattern.ts';

export const bannedPhraseDetector: DetectorFactory = (rule) => {
  const re = phraseRegExp(rule.phrases ?? []);
  const fix =
    rule.replacement !== undefined
      ? { label: `Replace with "${rule.replacement}"`, replacement: rule.replacement }
      : undefined;
  return (text) => (re ? matchAll(re, text).map((span) => ({ span, fix })) : []);
};

/** A finding that is about the whole draft rather than a part: placed at its end, where a fix appends. */
const atEnd = (text: string): Span => ({ start: text.length, end: text.length });

export const requiredPhraseDetector: DetectorFactory = (rule) => {
  const re = phraseRegExp(rule.phrases ?? []);
  const first = rule.phrases?.[0];
  return (text) => {
    if (!re || !first) return [];
    re.lastIndex = 0;
    if (re.test(text)) return [];
    return [
      {
        span: atEnd(text),
        fix: { label: `Add "${first}"`, replacement: `${text.endsWith(' ') ? '' : ' '}${first}` },
      },
    ];
  };
};

export const patternDetector: DetectorFactory = (rule) => {
  const pattern = compileSafePattern(rule.id, rule.pattern ?? '');
  return (text) => pattern.spans(text).map((span) => ({ span }));
};

export const DEFAULT_DISCLOSURES = [
  '#employee',
  '#ad',
  'I work at',
  'I work for',
  'my employer',
  'I work with',
];

/** An employee writing about the brand must say they work there. */
export const disclosureDetector: DetectorFactory = (rule) => {
  const disclosed = phraseRegExp(rule.phrases?.length ? rule.phrases : DEFAULT_DISCLOSURES);
  const first = rule.phrases?.[0] ?? DEFAULT_DISCLOSURES[0];
  return (text, context) => {
    const brand = phraseRegExp(context.brandNames.flatMap((n) => [n, `@${n.replace(/^@/, '')}`]));
    if (!brand || !disclosed) return [];
    const mentions = matchAll(brand, text);
    disclosed.lastIndex = 0;
    if ((mentions.length === 0 && !context.aboutBrand) || disclosed.test(text)) return [];
    if (mentions.length === 0) {
      // About the brand without naming it: the whole text is the span; the fix appends the disclosure.
      const span = { start: 0, end: text.length };
      return [{ span, fix: { label: `Add "${first}"`, replacement: `${text.trimEnd()} ${first}` } }];
    }
    return [
      {
        span: mentions[0] as Span,
        fix: {
          label: `Add "${first}"`,
          replacement: `${text.slice(mentions[0]?.start, mentions[0]?.end)} ${first}`,
        },
      },
    ];
  };
};

export const DEFAULT_PROMISES = [
  'guarantee',
  'guaranteed',
  'we guarantee',
  'refund',
  'refunded',
  'full refund',
  'money back',
  'compensation',
  'compensate',
  'reimburse',
  'reimbursement',
  'free replacement',
  'we promise',
  'i promise',
  'store credit',
];

export const promiseDetector: DetectorFactory = (rule) => {
  const re = phraseRegExp([...DEFAULT_PROMISES, ...(rule.phrases ?? [])]);
  return (text) => (re ? matchAll(re, text).map((span) => ({ span })) : []);
};

// Words that make a mention of a competitor disparaging when they sit within a few words of it.
export const NEGATIVE_WORDS = [
  'terrible',
  'awful',
  'worst',
  'worse',
  'garbage',
  'scam',
  'scammers',
  'junk',
  'rubbish',
  'knockoff',
  'knock-off',
  'sucks',
  'suck',
  'inferior',
  'crap',
  'crappy',
  'useless',
  'overpriced',
  'ripoff',
  'rip-off',
  'fraud',
  'frauds',
  'horrible',
  'trash',
  'cheap',
  'poor',
  'shoddy',
  'pathetic',
  'joke',
  'dishonest',
  'liars',
  'lying',
  'avoid',
  'never buy',
  'fake',
  'flimsy',
  'unreliable',
  'disgusting',
];
const WINDOW_CHARS = 60;

export const competitorDetector: DetectorFactory = (rule) => {
  const names = phraseRegExp(rule.competitors ?? []);
  const negative = phraseRegExp(NEGATIVE_WORDS);
  return (text) => {
    if (!names || !negative) return [];
    const hits: Hit[] = [];
    for (const mention of matchAll(names, text)) {
      const from = Math.max(0, mention.start - WINDOW_CHARS);
      const to = Math.min(text.length, mention.end + WINDOW_CHARS);
      const near = matchAll(negative, text.slice(from, to)).map((s) => ({
        start: s.start + from,
        end: s.end + from,
      }));
      if (near.length === 0) continue;
      const start = Math.min(mention.start, ...near.map((s) => s.start));
      const end = Math.max(mention.end, ...near.map((s) => s.end));
      hits.push({ span: { start, end } });
    }
    return hits;
  };
};

const URL_RE =
  /\bhttps?:\/\/[^\s<>"')\]]+|\b(?:www\.)[^\s<>"')\]]+|(?<![@\w.-])\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|shop|store|biz|info|ly|me|app|xyz)\b(?:\/[^\s<>"')\]]*)?/giu;

function hostOf(link: string): string | null {
  try {
    return new URL(/^https?:\/\//i.test(link) ? link : `https://${link}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export const linkDomainsDetector: DetectorFactory = (rule) => {
  const allowed = (rule.domains ?? [])
    .map((d) => d.trim().toLowerCase().replace(/^\*\./, ''))
    .filter(Boolean);
  return (text) => {
    if (allowed.length === 0) return [];
    return matchAll(URL_RE, text)
      .filter((span) => {
        const host = hostOf(text.slice(span.start, span.end).replace(/[.,;:!?]+$/, ''));
        return host !== null && !allowed.some((d) => host === d || host.endsWith(`.${d}`));
      })
      .map((span) => ({ span, fix: { label: 'Remove the link', replacement: '' } }));
  };
};
