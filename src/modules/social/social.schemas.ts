import Type from 'typebox';
import { Account, AccountSummary, Role } from '../identity/index.ts';
import { MediaInput } from '../media/index.ts';
import { MAX_POST_CHARS } from './entities.ts';

export const Visibility = Type.Union([
  Type.Literal('public'),
  Type.Literal('followers'),
  Type.Literal('direct'),
]);

const Entities = Type.Object({
  mentions: Type.Array(
    Type.Object({
      handle: Type.String(),
      accountId: Type.String(),
      start: Type.Integer(),
      end: Type.Integer(),
    }),
  ),
  hashtags: Type.Array(Type.Object({ tag: Type.String(), start: Type.Integer(), end: Type.Integer() })),
  links: Type.Array(Type.Object({ url: Type.String(), start: Type.Integer(), end: Type.Integer() })),
});

export const Badge = Type.Object({
  brand: Type.String({ description: 'Handle of the brand whose tier it is' }),
  tier: Type.String({ description: 'The tier’s name, e.g. Champion' }),
});

const Author = Type.Object({
  ...AccountSummary.properties,
  badges: Type.Optional(
    Type.Array(Badge, {
      description: 'In a brand’s thread: the tier that brand gave the author (above its first tier)',
    }),
  ),
});

const PostFields = {
  id: Type.String(),
  kind: Type.Union([Type.Literal('post'), Type.Literal('deal'), Type.Literal('rfp')], {
    description:
      "'deal': a deal's post (same id as the deal), shown with its deal card; 'rfp': a request for proposals (same id as the request), shown with its request card",
  }),
  author: Author,
  text: Type.String(),
  visibility: Visibility,
  entities: Entities,
  media: Type.Array(Type.Ref('MediaAttachment'), { description: 'Images, in order, with alt text' }),
  inReplyTo: Type.Union([
    Type.Object({ id: Type.String(), author: Type.Union([AccountSummary, Type.Null()]) }),
    Type.Null(),
  ]),
  threadRootId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  counts: Type.Object({
    replies: Type.Integer(),
    reshares: Type.Integer(),
    likes: Type.Integer(),
    quotes: Type.Integer({ description: 'Quote posts of this post' }),
  }),
  viewer: Type.Object({ liked: Type.Boolean(), reshared: Type.Boolean() }),
  quoteOf: Type.Union([Type.Ref('QuotedPost'), Type.Null()], {
    description: 'On a quote post: the card of the post it quotes',
  }),
};

export const QuotedPost = Type.Object(
  {
    id: Type.Union([Type.String(), Type.Null()], { description: 'Null when unavailable' }),
    available: Type.Boolean({
      description: 'False when the quoted post was deleted or is hidden from you: nothing of it is shown',
    }),
    author: Type.Union([AccountSummary, Type.Null()]),
    text: Type.String(),
    media: Type.Array(Type.Ref('MediaAttachment')),
    createdAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'QuotedPost' },
);

export const OriginalPost = Type.Object(PostFields, { $id: 'OriginalPost' });

export const Post = Type.Object(
  {
    ...PostFields,
    reshareOf: Type.Union([Type.Ref('OriginalPost'), Type.Null()], {
      description: 'On a reshare: the original post',
    }),
    reshareParentId: Type.Union([Type.String(), Type.Null()], {
      description: 'On a reshare: the post or reshare it was reshared from (the chain)',
    }),
  },
  { $id: 'Post' },
);

export const PostRef = Type.Ref('Post');

export const CreatePostBody = Type.Object(
  {
    text: Type.String({
      maxLength: MAX_POST_CHARS,
      description: 'May be empty when images are attached (an image-only post)',
    }),
    visibility: Type.Optional(Visibility),
    inReplyToId: Type.Optional(Type.String({ format: 'uuid' })),
    quoteOfId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Quote this public post: it is shown as a card below yours',
      }),
    ),
    media: Type.Optional(
      Type.Array(MediaInput, {
        maxItems: 4,
        description: 'Up to 4 uploaded images of the author, with alt text',
      }),
    ),
    as: Type.Optional(
      Type.String({ maxLength: 31, description: 'Handle of an org to post as (your role must allow it)' }),
    ),
    policyOverride: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 500,
        description: 'Why the brand policy’s warnings do not apply (recorded in its audit log)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AsBody = Type.Object(
  { as: Type.Optional(Type.String({ maxLength: 31, description: 'Handle of an org to act as' })) },
  { additionalProperties: false },
);

export const Profile = Type.Intersect([
  Account,
  Type.Object({
    followersCount: Type.Integer(),
    followingCount: Type.Integer(),
    postsCount: Type.Integer(),
    viewer: Type.Object({
      following: Type.Boolean(),
      followedBy: Type.Boolean(),
      role: Type.Union([Role, Type.Null()], {
        description: 'Your role in this org, if you are a member',
      }),
    }),
    badges: Type.Optional(
      Type.Array(Badge, {
        maxItems: 3,
        description: 'A person’s tiers with brands, highest first (at most 3)',
      }),
    ),
  }),
]);

export const Thread = Type.Object({
  ancestors: Type.Array(PostRef),
  post: PostRef,
  replies: Type.Array(PostRef),
});

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const AccountSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100 }),
    mode: Type.Optional(
      Type.Union([Type.Literal('match'), Type.Literal('prefix')], {
        description:
          '`match` (default): handle or name prefix, verified first. `prefix`: handle prefix for @-autocomplete, ' +
          'accounts the caller follows first, at most 8',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'At most 8 in prefix mode' })),
  },
  { additionalProperties: false },
);

export const SuggestionsQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })) },
  { additionalProperties: false },
);

export const Suggestion = Type.Object({
  account: AccountSummary,
  reason: Type.Union([Type.Literal('followed_by_people_you_follow'), Type.Literal('popular')]),
  mutualCount: Type.Integer({ description: 'How many of the accounts you follow follow it' }),
  followersCount: Type.Integer(),
});
