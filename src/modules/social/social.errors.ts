import { defineErrors } from '../../platform/errors.ts';

/** Social's error codes: posts, reshares, likes, follows and profiles. */
export const socialError = defineErrors('social', {
  account_not_found: { kind: 'not_found', description: 'No account with that handle' },
  post_not_found: {
    kind: 'not_found',
    description: 'No post with that id that the caller may see (hidden and deleted posts look the same)',
  },
  unknown_account: { kind: 'unprocessable', description: 'The account to act as does not exist' },
  cannot_act_as: {
    kind: 'forbidden',
    description: "The caller's role does not allow acting as that account",
  },
  not_author: {
    kind: 'forbidden',
    description: 'Only the author (or its org members who may post) may delete it',
  },
  post_too_long: { kind: 'bad_request', description: 'The post text is longer than allowed' },
  post_empty: { kind: 'bad_request', description: 'The post has neither text nor an image' },
  direct_needs_mention: {
    kind: 'bad_request',
    description: 'A direct post must @mention at least one existing account',
  },
  reply_to_reshare: {
    kind: 'unprocessable',
    description: 'Replies go to the original post, not to a reshare',
  },
  not_resharable: { kind: 'unprocessable', description: 'Only public posts can be reshared' },
  not_quotable: { kind: 'unprocessable', description: 'Only public posts can be quoted' },
  already_reshared: { kind: 'conflict', description: 'The account has already reshared this post' },
  cannot_follow_self: { kind: 'unprocessable', description: 'An account cannot follow itself' },
});
