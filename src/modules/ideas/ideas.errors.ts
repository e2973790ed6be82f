import { defineErrors } from '../../platform/errors.ts';

/** The ideas portal's error codes. */
export const ideasError = defineErrors('ideas', {
  idea_not_found: { kind: 'not_found', description: 'No such idea at this brand' },
  idea_closed: {
    kind: 'conflict',
    description: 'The idea is shipped, declined or merged into another: it takes no more votes or changes',
  },
  over_budget: {
    kind: 'unprocessable',
    description: 'The vote would pass the votes a person may have on open ideas of the brand',
  },
  over_idea_limit: { kind: 'unprocessable', description: 'At most the brand’s limit of votes on one idea' },
  invalid_transition: {
    kind: 'conflict',
    description: 'The idea cannot move to that status from its current one',
  },
  reason_required: { kind: 'unprocessable', description: 'Declining an idea needs a reason' },
  merge_into_self: { kind: 'unprocessable', description: 'An idea cannot be merged into itself' },
  merge_target_invalid: {
    kind: 'unprocessable',
    description: 'The idea to keep must be an open idea of the same brand, not merged itself',
  },
  product_not_in_brand: {
    kind: 'unprocessable',
    description: 'Every product must be in the brand’s catalog',
  },
  brand_only: { kind: 'forbidden', description: 'Only members of the brand with the right role can do this' },
  owner_not_member: { kind: 'unprocessable', description: 'The owner must be a member of the brand' },
});
