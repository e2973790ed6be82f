import type { ApiResponse } from '../../../shared/api/types.ts';

/**
 * `org`: the brand of a care notification; `subjectId`: care_mention's conversation, identity_link's proposed
 * link; `detail`: identity_link's network, handle and url; `post`: null when the post is gone or hidden from you.
 */
export type Notification = ApiResponse<'/notifications'>['items'][number];

/**
 * mention, reply, reshare, like, follow; care_mention: a colleague @mentioned you in an internal note of a
 * brand's care inbox; identity_link: a brand asks you to confirm an identity of yours on another network.
 */
export type NotificationKind = Notification['kind'];

export type UnreadCount = ApiResponse<'/notifications/unread-count'>;

/** Your settings per kind of notification: in the app and by mail; `locked` is the account-security mail. */
export type NotificationPreferences = ApiResponse<'/me/notification-preferences'>;
export type NotificationPreference = NotificationPreferences['items'][number];
