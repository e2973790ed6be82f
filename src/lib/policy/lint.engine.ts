import {
  bannedPhraseDetector,
  competitorDetector,
  disclosureDetector,
  linkDomainsDetector,
  patternDetector,
  promiseDetector,
  requiredPhraseDetector,
} from './content.detectors.ts';
import {
  type ChannelDefault,
  type DetectorFactory,
  type Hit,
  matchAll,
  phraseRegExp,
} from './detector.types.ts';
import {
  cardDetector,
  emailDetector,
  orderRefDetector,
  phoneDetector,
  streetAddressDetector,
} from './personal-data.detectors.ts';
import type { Channel, Finding, LintContext, LintResult, PolicyRule, RuleKind } from './policy.types.ts';
import { compileSafePattern, type SafePattern } from './safe-pattern.ts';
import { profanityDetector, sarcasmDetector, sentimentDetector, shoutingDetector } from './tone.detectors.ts';

const PUBLIC_REPLIES: readonly Channel[] = ['care_reply', 'public_note'];

/** Each kind's detector and the channels it applies to when a rule names none. */
const KINDS: Record<RuleKind, { factory: DetectorFactory; channels: ChannelDefault }> = {
  banned_phrase: { factory: bannedPhraseDetector, channels: 'all' },
  required_phrase: { factory: requiredPhraseDetector, channels: 'all' },
  banned_pattern: { factory: patternDetector, channels: 'all' },
  disclosure: { factory: disclosureDetector, channels: ['employee_post'] },
  email: { factory: emailDetector, channels: 'all' },
  phone: { factory: phoneDetector, channels: 'all' },
  card_number: { factory: cardDetector, channels: 'all' },
  order_ref: { factory: orderRefDetector, channels: 'all' },
  street_address: { factory: streetAddressDetector, channels: 'all' },
  profanity: { factory: profanityDetector, channels: 'all' },
  promise: { factory: promiseDetector, channels: PUBLIC_REPLIES },
  shouting: { factory: shoutingDetector, channels: 'all' },
  sentiment_floor: { factory: sentimentDetector, channels: 'all' },
  sarcasm: { factory: sarcasmDetector, channels: PUBLIC_REPLIES },
  competitor: { factory: competitorDetector, channels: 'all' },
  link_domains: { factory: linkDomainsDetector, channels: 'all' },
};

type CompiledRule = {
  rule: PolicyRule;
  run: ReturnType<DetectorFactory>;
  channels: ReadonlySet<Channel> | null;
};

/** A policy made ready to lint: compile once per policy change, lint many drafts. */
export type CompiledPolicy = {
  readonly rules: readonly CompiledRule[];
  /** Every banned phrase of every rule in one pass; hits are handed to the rules that own the phrase. */
  readonly phrases: PhraseIndex | null;
  /** Every brand pattern in one RE2 alternation: when it finds nothing, no pattern rule runs. */
  readonly anyPattern: SafePattern | null;
};

type PhraseIndex = { re: RegExp; owners: Map<string, CompiledRule[]> };

const normalPhrase = (phrase: string) => phrase.trim().toLowerCase().replace(/\s+/g, ' ');

function phraseIndex(rules: CompiledRule[]): PhraseIndex | null {
  const owners = new Map<string, CompiledRule[]>();
  for (const compiled of rules)
    for (const phrase of compiled.rule.phrases ?? []) {
      const key = normalPhrase(phrase);
      if (key !== '') owners.set(key, [...(owners.get(key) ?? []), compiled]);
    }
  const re = phraseRegExp([...owners.keys()]);
  return re ? { re, owners } : null;
}

/** Compiles a brand's rules; throws PolicyRuleError naming the first rule that cannot be used. */
export function compilePolicy(rules: readonly PolicyRule[]): CompiledPolicy {
  const compiled: CompiledRule[] = [];
  const phraseRules: CompiledRule[] = [];
  const patterns: string[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const kind = KINDS[rule.kind];
    const channels =
      rule.channels.length > 0
        ? new Set(rule.channels)
        : kind.channels === 'all'
          ? null
          : new Set(kind.channels);
    const entry = { rule, run: kind.factory(rule), channels };
    if (rule.kind === 'banned_phrase') phraseRules.push(entry);
    else compiled.push(entry);
    if (rule.kind === 'banned_pattern') patterns.push(`(?:${rule.pattern})`);
  }
  return {
    rules: compiled,
    phrases: phraseIndex(phraseRules),
    anyPattern: patterns.length > 1 ? compileSafePattern('patterns', patterns.join('|')) : null,
  };
}

function findingOf(rule: PolicyRule, text: string, hit: Hit): Finding {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    severity: rule.severity,
    message: rule.message,
    span: hit.span,
    excerpt: text.slice(hit.span.start, hit.span.end),
    fix: hit.fix ? { ...hit.fix, span: hit.span } : null,
  };
}

/** Lints a draft: every finding with its rule, severity, message, UTF-16 span and fix; blocked when any blocks. */
export function lintDraft(policy: CompiledPolicy, text: string, context: LintContext): LintResult {
  const findings: Finding[] = [];
  const anyPattern = policy.anyPattern === null || policy.anyPattern.spans(text).length > 0;
  for (const { rule, run, channels } of policy.rules) {
    if (channels && !channels.has(context.channel)) continue;
    if (rule.kind === 'banned_pattern' && !anyPattern) continue;
    for (const hit of run(text, context)) findings.push(findingOf(rule, text, hit));
  }
  if (policy.phrases) {
    for (const span of matchAll(policy.phrases.re, text)) {
      const excerpt = text.slice(span.start, span.end);
      for (const owner of policy.phrases.owners.get(normalPhrase(excerpt)) ?? []) {
        if (owner.channels && !owner.channels.has(context.channel)) continue;
        const { replacement } = owner.rule;
        const fix =
          replacement !== undefined ? { label: `Replace with "${replacement}"`, replacement } : undefined;
        findings.push(findingOf(owner.rule, text, { span, fix }));
      }
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  return { findings, blocked: findings.some((f) => f.severity === 'block') };
}

/** Whether a draft names the brand: an employee's own post is linted only then. */
export function mentionsBrand(text: string, brandNames: readonly string[]): boolean {
  const re = phraseRegExp(brandNames.flatMap((n) => [n.replace(/^@/, ''), `@${n.replace(/^@/, '')}`]));
  return re !== null && matchAll(re, text).length > 0;
}

/** Applies a finding's fix to the text (what the composer's "apply fix" does). */
export function applyFix(text: string, finding: Pick<Finding, 'fix'>): string {
  if (!finding.fix) return text;
  const { span, replacement } = finding.fix;
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}
