import type { AccountSummary } from '../../identity/api/identity.types.ts';
import type { Post } from '../../social/api/social.types.ts';

export type NotificationKind = 'mention' | 'reply' | 'reshare' | 'like' | 'follow';

export type Notification = {
  id: string;
  kind: NotificationKind;
  actor: AccountSummary;
  post: Post | null;
  recipient: AccountSummary;
  createdAt: string;
  read: boolean;
};

export type UnreadCount = { total: number; byAccount: { account: AccountSummary; unread: number }[] };
