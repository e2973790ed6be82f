import type { ApiResponse } from '../../../shared/api/types.ts';
import type { Post } from '../../social/index.ts';

type NotificationBody = ApiResponse<'/notifications'>['items'][number];

/**
 * mention, reply, reshare, like, follow; care_mention: a colleague @mentioned you in an internal note of a
 * brand's care inbox; identity_link: a brand asks you to confirm an identity of yours on another network.
 */
export type NotificationKind = NotificationBody['kind'];

/**
 * `org`: the brand of a care notification; `subjectId`: care_mention's conversation, identity_link's proposed
 * link; `detail`: identity_link's network, handle and url. `post` stays the hand-written Post (see social.types).
 */
export type Notification = Omit<NotificationBody, 'post'> & { post: Post | null };

export type UnreadCount = ApiResponse<'/notifications/unread-count'>;
