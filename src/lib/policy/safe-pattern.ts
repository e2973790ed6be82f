import { RE2JS } from 're2js';
import { PolicyRuleError, type Span } from './policy.types.ts';

export const MAX_PATTERN_LENGTH = 500;

export type SafePattern = { spans(text: string): Span[] };

/**
 * Compiles a brand's regular expression with RE2 (linear-time matching: no backtracking, so no pattern can
 * hang the lint). A pattern RE2 cannot compile — invalid, or using backreferences or lookaround — or one that
 * matches the empty draft is refused, naming the rule.
 */
export function compileSafePattern(ruleId: string, source: string): SafePattern {
  if (source.trim() === '') throw new PolicyRuleError(ruleId, 'pattern', 'The pattern is empty');
  if (source.length > MAX_PATTERN_LENGTH)
    throw new PolicyRuleError(
      ruleId,
      'pattern',
      `The pattern is longer than ${MAX_PATTERN_LENGTH} characters`,
    );
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PolicyRuleError(
      ruleId,
      'pattern',
      `The pattern is not a valid RE2 regular expression (backreferences and lookaround are not supported): ${reason}`,
    );
  }
  if (compiled.matches(''))
    throw new PolicyRuleError(ruleId, 'pattern', 'The pattern matches an empty draft');
  return {
    spans(text) {
      if (!compiled.test(text)) return [];
      const spans: Span[] = [];
      const matcher = compiled.matcher(text);
      while (matcher.find()) {
        const start = matcher.start();
        const end = matcher.end();
        if (end > start) spans.push({ start, end });
      }
      return spans;
    },
  };
}
