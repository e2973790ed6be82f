// The brand policy lint as a pure library: rules (banned and required phrases, RE2 patterns, disclosure) and
// built-in detectors (personal data, profanity, promises, tone, competitors, links) over a draft, returning
// findings with UTF-16 spans and fixes. No database, no HTTP: the governance module, the bench and the eval
// import this file only.

export { DEFAULT_DISCLOSURES, DEFAULT_PROMISES, NEGATIVE_WORDS } from './content.detectors.ts';
export { defaultPolicy } from './default-policy.ts';
export { applyFix, type CompiledPolicy, compilePolicy, lintDraft, mentionsBrand } from './lint.engine.ts';
export { luhnValid } from './personal-data.detectors.ts';
export {
  CHANNELS,
  type Channel,
  type Finding,
  type Fix,
  type LintContext,
  type LintResult,
  type PolicyRule,
  PolicyRuleError,
  RULE_KINDS,
  type RuleKind,
  type Severity,
  type Span,
} from './policy.types.ts';
export { compileSafePattern, MAX_PATTERN_LENGTH } from './safe-pattern.ts';
export { DEFAULT_SENTIMENT_FLOOR, SARCASM_CUES } from './tone.detectors.ts';
