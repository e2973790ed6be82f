import type { PolicyRule, RuleKind } from '../../../lib/policy/index.ts';

export type Lesson = { title: string; body: string };
export type Question = { id: string; prompt: string; choices: string[]; answer: number };
export type Course = { lessons: Lesson[]; questions: Question[] };

/** How each kind of rule is taught: the lesson it belongs to and what it means in plain words. */
const TOPICS: { title: string; intro: string; kinds: RuleKind[] }[] = [
  {
    title: 'Personal data stays private',
    intro:
      'Customers trust us with their details. In public we never write an email address, a phone number, a card number, an order number or a street address: we ask for them by direct message.',
    kinds: ['email', 'phone', 'card_number', 'order_ref', 'street_address'],
  },
  {
    title: 'Promises need the right people',
    intro:
      'Refunds, guarantees and compensation are decided by the team that owns them. In public we say what we will look into, not what we will pay.',
    kinds: ['promise'],
  },
  {
    title: 'Our tone of voice',
    intro:
      'We write calmly and kindly: no shouting in capitals, no profanity, no sarcasm towards a customer, and no post that reads as hostile.',
    kinds: ['profanity', 'shouting', 'sentiment_floor', 'sarcasm'],
  },
  {
    title: 'Say who you are',
    intro:
      'When you post about the brand in your own name, say that you work here, so readers can weigh what you say.',
    kinds: ['disclosure'],
  },
  {
    title: 'The brand’s own rules',
    intro:
      'The brand adds its own rules: words to avoid or to include, competitors we do not talk down, the sites we link to.',
    kinds: ['banned_phrase', 'required_phrase', 'banned_pattern', 'competitor', 'link_domains'],
  },
];

const consequence = (r: PolicyRule) =>
  r.severity === 'block'
    ? 'It is blocked: the draft cannot be posted until it is changed'
    : 'It is a warning: you may post it with a reason, which goes in the audit log';

/**
 * The built-in course on a brand's social policy: one lesson per topic its enabled rules cover, each rule's own
 * message quoted, and one question per rule on what happens to a draft that breaks it (block or warning).
 */
export function defaultCourse(rules: PolicyRule[], brandName: string): Course {
  const enabled = rules.filter((r) => r.enabled);
  const lessons: Lesson[] = [
    {
      title: `Why ${brandName} has a social policy`,
      body: `Everyone at ${brandName} may speak for the brand. The policy keeps customers safe and our voice consistent; Souk checks every draft against it as you type and again when you post. A rule either blocks a draft or warns you; a warning can be overridden with a reason, and every block and override is recorded.`,
    },
  ];
  for (const topic of TOPICS) {
    const own = enabled.filter((r) => topic.kinds.includes(r.kind));
    if (own.length === 0) continue;
    const points = own.map((r) => `• ${r.message} (${r.severity === 'block' ? 'blocks' : 'warns'})`);
    lessons.push({ title: topic.title, body: [topic.intro, ...points].join('\n') });
  }
  const choices = [
    'It is blocked: the draft cannot be posted until it is changed',
    'It is a warning: you may post it with a reason, which goes in the audit log',
    'Nothing: the policy only applies to the marketing team',
  ];
  const questions: Question[] = enabled.slice(0, 12).map((r) => ({
    id: `rule-${r.id}`.slice(0, 40),
    prompt: `A draft breaks this rule: “${r.message}” What happens when you try to post it?`,
    choices,
    answer: choices.indexOf(consequence(r)),
  }));
  questions.push({
    id: 'customer-details',
    prompt: 'A customer asks in public where their parcel is. What do you do?',
    choices: [
      'Reply in public with their order number and address so they can check',
      'Answer kindly in public and ask them to send their details by direct message',
      'Ignore the post',
    ],
    answer: 1,
  });
  return { lessons, questions };
}
