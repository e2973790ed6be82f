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
  challenge_not_found: {
    kind: 'not_found',
    description: 'No such challenge at this brand, or you are not invited to it',
  },
  challenge_closed: {
    kind: 'unprocessable',
    description: 'The challenge’s deadline has passed: it takes no new ideas or votes',
  },
  deadline_in_past: { kind: 'unprocessable', description: 'A challenge’s deadline must be in the future' },
  no_audience: {
    kind: 'unprocessable',
    description: 'Invite someone: a segment, a tier, one or more roles, or named people',
  },
  challenge_tier_not_found: {
    kind: 'unprocessable',
    description: 'The brand has no advocate tier with that key',
  },
  challenge_segment_not_found: {
    kind: 'unprocessable',
    description: 'The brand has no saved segment with that id',
  },
  invitee_not_found: { kind: 'unprocessable', description: 'Every invited handle must be a person' },
  comment_not_found: { kind: 'not_found', description: 'No such comment' },
  already_reported: { kind: 'conflict', description: 'You have reported this already' },
  own_content: { kind: 'unprocessable', description: 'You cannot report what you wrote' },
  not_hidden: {
    kind: 'conflict',
    description: 'Only a hidden idea or comment can be restored or kept hidden',
  },
  already_kept_hidden: {
    kind: 'conflict',
    description: 'The brand already decided to keep it hidden: it cannot be restored or decided again',
  },
});
