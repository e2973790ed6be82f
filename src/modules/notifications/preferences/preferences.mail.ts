import type { MailContent } from '../../mail/index.ts';
import type { NotificationKind } from '../notifications.tables.ts';
import { KIND_SETTINGS } from './preferences.kinds.ts';

/** What a notification mail needs to say what happened. */
export type NoticeFacts = {
  kind: NotificationKind;
  recipientName: string;
  actorName: string;
  actorHandle: string;
  postId: string | null;
  subjectId: string | null;
  detail: Record<string, string> | null;
};

const amount = (minor: string | undefined, currency: string | undefined) => {
  if (!minor || !currency) return 'an amount';
  try {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(Number(minor) / 10 ** digits);
  } catch {
    return `${minor} ${currency} (minor units)`;
  }
};

/** The sentence saying what happened, and where to look at it in the web app (a path). */
function whatHappened(n: NoticeFacts): { line: string; path: string } {
  const who = `${n.actorName} (@${n.actorHandle})`;
  const post = n.postId ? `/posts/${n.postId}` : '/notifications';
  const order = n.subjectId ? `/orders/${n.subjectId}` : '/orders';
  switch (n.kind) {
    case 'mention':
      return { line: `${who} mentioned you in a post.`, path: post };
    case 'reply':
      return { line: `${who} replied to your post.`, path: post };
    case 'reshare':
      return { line: `${who} reshared your post.`, path: post };
    case 'like':
      return { line: `${who} liked your post.`, path: post };
    case 'quote':
      return { line: `${who} quoted your post.`, path: post };
    case 'follow':
      return { line: `${who} now follows you.`, path: `/@${n.actorHandle}` };
    case 'care_mention':
      return { line: `${who} mentioned you in an internal note of a conversation.`, path: '/notifications' };
    case 'identity_link':
      return {
        line: `${who} asks whether ${n.detail?.handle ?? 'an account'} on ${n.detail?.network ?? 'another network'} is you. Answer from your notifications.`,
        path: '/notifications',
      };
    case 'order_cancelled':
      return {
        line: `Your order from ${n.actorName} was cancelled${n.detail?.reason ? ` (${n.detail.reason})` : ''}.`,
        path: order,
      };
    case 'order_fulfilled':
      return {
        line: n.detail?.trackingNumber
          ? `Your order from ${n.actorName} is on its way: ${n.detail.carrier ?? 'carrier'} tracking ${n.detail.trackingNumber}.`
          : `Your order from ${n.actorName} was fulfilled.`,
        path: order,
      };
    case 'order_refunded':
      return {
        line: `${n.actorName} refunded ${amount(n.detail?.amountMinor, n.detail?.currency)} of your order${n.detail?.full === 'true' ? ' (in full)' : ''}.`,
        path: order,
      };
    case 'rfp_pitch':
      return {
        line: `${n.actorName} pitched on your request${n.detail?.title ? `: ${n.detail.title}` : ''}.`,
        path: n.subjectId ? `/rfps/${n.subjectId}` : '/notifications',
      };
    case 'rfp_won':
    case 'rfp_lost':
      return {
        line: `${n.actorName} ${n.kind === 'rfp_won' ? 'awarded your pitch' : 'awarded another brand’s pitch'} on the request${n.detail?.title ? ` “${n.detail.title}”` : ''}.`,
        path: n.subjectId ? `/rfps/${n.subjectId}` : '/notifications',
      };
    case 'order_return':
      return {
        line: `Your return of ${n.detail?.title ?? 'an item'} to ${n.actorName} is ${n.detail?.status ?? 'updated'}${n.detail?.note ? ` (${n.detail.note})` : ''}.`,
        path: order,
      };
    case 'listening_spike':
      return {
        line: `Mentions of “${n.detail?.topic ?? 'a topic'}” at ${n.actorName} spiked: ${n.detail?.observed ?? 'many'} against ${n.detail?.expected ?? 'fewer'} expected${n.detail?.why ? ` (${n.detail.why})` : ''}.`,
        path: n.subjectId ? `/orgs/${n.actorHandle}/listening/topics/${n.subjectId}` : '/notifications',
      };
    case 'idea_shipped':
      return {
        line: `An idea you supported at ${n.actorName} shipped: ${n.detail?.title ?? 'see what is new'}.`,
        path: '/notifications',
      };
  }
}

/** The mail of one notification, with a link to it and one to stop this kind of mail (no sign-in needed). */
export function notificationMail(n: NoticeFacts, publicUrl: string, unsubscribeUrl: string): MailContent {
  const { line, path } = whatHappened(n);
  return {
    subject: line.length > 90 ? `${line.slice(0, 87)}…` : line,
    greeting: `Hi ${n.recipientName},`,
    paragraphs: [line],
    action: { label: 'Open Souk', url: `${publicUrl}${path}` },
    footer: `You get this mail because "${KIND_SETTINGS[n.kind].label}" is on in your notification settings (Settings → Notifications).`,
    unsubscribe: { label: 'Stop these mails', url: unsubscribeUrl },
  };
}
