import { describe, expect, it } from 'vitest';
import {
  applyFix,
  compilePolicy,
  compileSafePattern,
  defaultPolicy,
  type LintContext,
  lintDraft,
  luhnValid,
  mentionsBrand,
  type PolicyRule,
  PolicyRuleError,
} from './index.ts';

const reply: LintContext = { channel: 'care_reply', brandNames: ['Acme'] };
const post: LintContext = { channel: 'brand_post', brandNames: ['Acme'] };

function policyWith(edit: (rules: PolicyRule[]) => void = () => {}) {
  const rules = defaultPolicy();
  edit(rules);
  return compilePolicy(rules);
}
const kindsOf = (text: string, context = reply, policy = policyWith()) =>
  lintDraft(policy, text, context).findings.map((f) => [f.kind, f.excerpt]);

describe('personal data', () => {
  it('should block an email address with its span', () => {
    const text = 'Write to jane.doe@example.com today';
    const { findings, blocked } = lintDraft(policyWith(), text, reply);
    expect(blocked).toBe(true);
    expect(findings[0]?.span).toEqual({ start: 9, end: 29 });
  });
  it('should find national and international phone numbers', () => {
    expect(kindsOf('Call +44 20 7946 0958 or (415) 555-0132 or +49 30 901820')).toEqual([
      ['phone', '+44 20 7946 0958'],
      ['phone', '(415) 555-0132'],
      ['phone', '+49 30 901820'],
    ]);
  });
  it('should count spans in UTF-16 units after an emoji', () => {
    const text = '😀 call 415-555-0132';
    const [finding] = lintDraft(policyWith(), text, reply).findings;
    expect(finding?.span).toEqual({ start: 8, end: 20 });
  });
  it('should take a card number only when it passes Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(kindsOf('card 4111 1111 1111 1111')).toEqual([['card_number', '4111 1111 1111 1111']]);
    expect(kindsOf('tracking 4111 1111 1111 1112')).toEqual([]);
  });
  it('should find a Souk order reference but not a hex-looking hashtag', () => {
    expect(kindsOf('About #3f9a01c2 ok')).toEqual([['order_ref', '#3f9a01c2']]);
    expect(kindsOf('Love it #cafebabe')).toEqual([]);
  });
  it('should find street addresses in English and continental order', () => {
    expect(kindsOf('Ship to 221 Baker Street or Hauptstraße 12')).toEqual([
      ['street_address', '221 Baker Street'],
      ['street_address', 'Hauptstraße 12'],
    ]);
    expect(kindsOf('We have 3 Great deals')).toEqual([]);
  });
});

describe('tone and content', () => {
  it('should block profanity and mask it as the fix', () => {
    const text = 'what the fuck';
    const finding = lintDraft(policyWith(), text, post).findings.find((f) => f.kind === 'profanity');
    expect(finding?.excerpt).toBe('fuck');
    expect(applyFix(text, finding as never)).toBe('what the f***');
  });
  it('should warn on promises in public replies only', () => {
    expect(kindsOf('We will refund you', reply)).toEqual([['promise', 'refund']]);
    expect(kindsOf('We will refund you', post)).toEqual([]);
  });
  it('should warn on shouting and offer sentence case', () => {
    const text = 'this is SO VERY LATE';
    const finding = lintDraft(policyWith(), text, post).findings.find((f) => f.kind === 'shouting');
    expect(applyFix(text, finding as never)).toBe('this is So very late');
    expect(kindsOf('Our NEW range is in', post)).toEqual([]);
  });
  it('should warn below the sentiment floor', () => {
    expect(kindsOf('This is awful, horrible and the worst thing', post).map((k) => k[0])).toContain(
      'sentiment_floor',
    );
    expect(kindsOf('Thanks, glad we could help', post)).toEqual([]);
  });
  it('should warn on sarcasm towards the customer', () => {
    expect(kindsOf('Good luck with that')).toEqual([['sarcasm', 'Good luck with that']]);
  });
  it('should warn when a competitor is named near a negative word', () => {
    const policy = policyWith((rules) => {
      const rule = rules.find((r) => r.kind === 'competitor') as PolicyRule;
      rule.competitors = ['MegaMart'];
    });
    expect(kindsOf('MegaMart sells junk', post, policy)).toEqual([['competitor', 'MegaMart sells junk']]);
    expect(kindsOf('MegaMart opens at nine', post, policy)).toEqual([]);
  });
  it('should warn on links outside the allowed domains and not on subdomains', () => {
    const policy = policyWith((rules) => {
      (rules.find((r) => r.kind === 'link_domains') as PolicyRule).domains = ['acme.shop'];
    });
    expect(kindsOf('See https://blog.acme.shop/x and www.evil.com', post, policy)).toEqual([
      ['link_domains', 'www.evil.com'],
    ]);
  });
  it('should require disclosure when an employee posts about the brand', () => {
    const employee: LintContext = { channel: 'employee_post', brandNames: ['Acme'] };
    const text = 'Love the new Acme jacket';
    const finding = lintDraft(policyWith(), text, employee).findings[0];
    expect(finding?.kind).toBe('disclosure');
    expect(applyFix(text, finding as never)).toBe('Love the new Acme #employee jacket');
    expect(kindsOf('I work at Acme and love the jacket', employee)).toEqual([]);
    expect(mentionsBrand('hello @acme', ['Acme'])).toBe(true);
  });
});

describe('brand rules', () => {
  const rule = (over: Partial<PolicyRule>): PolicyRule => ({
    id: 'r1',
    kind: 'banned_phrase',
    severity: 'block',
    message: 'm',
    enabled: true,
    channels: [],
    ...over,
  });
  it('should match banned phrases on word boundaries with a replacement fix', () => {
    const policy = compilePolicy([rule({ phrases: ['cheap'], replacement: 'affordable' })]);
    const { findings } = lintDraft(policy, 'Cheap and cheapest', post);
    expect(findings.map((f) => f.excerpt)).toEqual(['Cheap']);
    expect(findings[0]?.fix?.replacement).toBe('affordable');
  });
  it('should find a missing required phrase and append it', () => {
    const policy = compilePolicy([rule({ kind: 'required_phrase', phrases: ['#ad'], severity: 'warn' })]);
    const [finding] = lintDraft(policy, 'Buy now', post).findings;
    expect(applyFix('Buy now', finding as never)).toBe('Buy now #ad');
    expect(lintDraft(policy, 'Buy now #ad', post).findings).toEqual([]);
  });
  it('should match an RE2 pattern and apply rules only on their channels', () => {
    const policy = compilePolicy([rule({ kind: 'banned_pattern', pattern: 'SKU-\\d+', channels: ['deal'] })]);
    expect(lintDraft(policy, 'see sku-123', { ...post, channel: 'deal' }).findings[0]?.excerpt).toBe(
      'sku-123',
    );
    expect(lintDraft(policy, 'see sku-123', post).findings).toEqual([]);
  });
  it('should refuse invalid, backtracking-only and empty-matching patterns naming the rule', () => {
    for (const pattern of ['(a', '(a)\\1', '(?=x)y', 'a*', '']) {
      expect(() => compileSafePattern('r9', pattern)).toThrow(PolicyRuleError);
    }
    try {
      compilePolicy([rule({ id: 'bad', kind: 'banned_pattern', pattern: '(x' })]);
    } catch (error) {
      expect((error as PolicyRuleError).ruleId).toBe('bad');
    }
  });
  it('should match a catastrophic-backtracking pattern in linear time', () => {
    const pattern = compileSafePattern('r', '(a+)+$');
    expect(pattern.spans(`${'a'.repeat(5000)}!`)).toEqual([]);
  });
  it('should skip disabled rules', () => {
    expect(lintDraft(compilePolicy([rule({ phrases: ['x'], enabled: false })]), 'x', post).findings).toEqual(
      [],
    );
  });
});
