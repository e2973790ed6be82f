import { defineErrors } from '../../platform/errors.ts';

/** Governance's error codes. */
export const governanceError = defineErrors('governance', {
  policy_blocked: {
    kind: 'unprocessable',
    description: 'The draft breaks a blocking rule of the brand’s policy; `findings` lists what and where',
  },
  policy_warning: {
    kind: 'unprocessable',
    description: 'The draft has policy warnings; send it again with an override reason to post it anyway',
  },
  invalid_policy_rule: {
    kind: 'unprocessable',
    description:
      'A policy rule cannot be used (e.g. a pattern that is not valid RE2, or a kind without its fields)',
  },
  policy_rule_not_found: { kind: 'not_found', description: 'No rule with that id in this brand’s policy' },
});
