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
  approval_required: {
    kind: 'unprocessable',
    description:
      'Your role needs approval to post as this brand, publish a deal or reply in public: submit it as a draft for approval (`kind` says which)',
  },
  draft_not_found: { kind: 'not_found', description: 'No draft with that id in this brand' },
  self_approval: { kind: 'forbidden', description: 'The author of a draft cannot review it' },
  already_approved: { kind: 'conflict', description: 'You already approved this revision of the draft' },
  draft_not_pending: {
    kind: 'conflict',
    description: 'The draft is not waiting for review (approved, rejected, published or refused)',
  },
  draft_rejected: { kind: 'conflict', description: 'A rejected draft cannot be published or revised' },
  draft_not_approved: { kind: 'conflict', description: 'The draft still waits for approval' },
  certification_required: {
    kind: 'forbidden',
    description:
      'The brand requires a valid certificate on its social policy to post as the brand or reply in public; `courseUrl` is the course',
  },
  certificate_not_found: { kind: 'not_found', description: 'No certificate with that id' },
  unknown_question: {
    kind: 'unprocessable',
    description: 'An answer names a question that is not in this brand’s course',
  },
  invalid_course: {
    kind: 'unprocessable',
    description: 'A course question is malformed (its answer is not one of its choices, or an id repeats)',
  },
  not_brand_post: {
    kind: 'unprocessable',
    description: 'Only the brand’s own public posts (not replies or reshares) can go in its content library',
  },
  not_in_library: { kind: 'not_found', description: 'That post is not in this brand’s content library' },
  already_shared: {
    kind: 'conflict',
    description: 'You already shared this post from the library (delete that share to share it again)',
  },
  invalid_period: {
    kind: 'bad_request',
    description: 'The period’s start (`from`) must be before its end (`to`)',
  },
  share_text_required: {
    kind: 'unprocessable',
    description: 'A quote needs your own words (`text`); a reshare takes none',
  },
});
