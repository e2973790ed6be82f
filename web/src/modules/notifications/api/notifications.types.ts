import type { AccountSummary } from '../../identity/api/identity.types.ts';
import type { Post } from '../../social/api/social.types.ts';

export type NotificationKind =
  | 'mention'
  | 'reply'
  | 'reshare'
  | 'like'
  | 'follow'
  /** A colleague @mentioned you in an internal note of a brand's care inbox. */
  | 'care_mention'
  /** A brand asks you to confirm an identity of yours on another network. */
  | 'identity_link';

export type Notification = {
  id: string;
  kind: NotificationKind;
  actor: AccountSummary;
  post: Post | null;
  recipient: AccountSummary;
  /** The brand of a care notification. */
  org: AccountSummary | null;
  /** care_mention: the conversation; identity_link: the proposed link. */
  subjectId: string | null;
  /** identity_link: network, handle and url of the proposed identity. */
  detail: Record<string, string> | null;
  createdAt: string;
  read: boolean;
};

export type UnreadCount = { total: number; byAccount: { account: AccountSummary; unread: number }[] };
