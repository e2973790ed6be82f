import { Link } from 'react-router';
import { VerifiedMark } from '../../../shared/ui/account-badges.tsx';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import {
  AtIcon,
  HeartIcon,
  QuoteIcon,
  ReplyIcon,
  ReshareIcon,
  Svg,
  UserPlusIcon,
} from '../../../shared/ui/icons.tsx';

/** A parcel, for what happened to an order. */
const BagIcon = () => (
  <Svg size={18}>
    <path d="m21 8-9-5-9 5v8l9 5 9-5z" />
    <path d="m3 8 9 5 9-5M12 13v8" />
  </Svg>
);

import { formatMoney } from '../../../shared/format/money.ts';
import { RelativeTime } from '../../../shared/ui/relative-time.tsx';
import { IdentityLinkRequest } from '../../care/index.ts';
import { cancelReason } from '../../commerce/index.ts';
import type { Notification, NotificationKind } from '../api/notifications.types.ts';

const VERBS: Record<NotificationKind, string> = {
  mention: 'mentioned',
  reply: 'replied to',
  reshare: 'reshared',
  quote: 'quoted',
  like: 'liked',
  follow: 'followed',
  care_mention: 'mentioned',
  identity_link: 'asks',
  order_cancelled: 'cancelled',
  order_fulfilled: 'shipped',
  order_refunded: 'refunded',
  order_return: 'updated',
  idea_shipped: 'shipped',
  rfp_pitch: 'pitched on',
  rfp_won: 'awarded',
  rfp_lost: 'awarded',
  listening_spike: 'spiked',
};

const RETURN_STEPS: Record<string, string> = {
  approved: 'approved',
  rejected: 'rejected',
  received: 'received',
  refunded: 'refunded',
};

function KindIcon({ kind }: { kind: NotificationKind }) {
  const icon = {
    mention: <AtIcon size={18} />,
    reply: <ReplyIcon size={18} />,
    reshare: <ReshareIcon size={18} />,
    quote: <QuoteIcon size={18} />,
    like: <HeartIcon size={18} filled />,
    follow: <UserPlusIcon size={18} />,
    care_mention: <AtIcon size={18} />,
    identity_link: <UserPlusIcon size={18} />,
    order_cancelled: <BagIcon />,
    order_fulfilled: <BagIcon />,
    order_refunded: <BagIcon />,
    order_return: <BagIcon />,
    idea_shipped: <BagIcon />,
    rfp_pitch: <BagIcon />,
    rfp_won: <BagIcon />,
    rfp_lost: <BagIcon />,
    listening_spike: <BagIcon />,
  }[kind];
  return <span className={`notif-icon notif-icon-${kind}`}>{icon}</span>;
}

/** "Ana liked your post", "Ana mentioned Acme", with the post's text as a snippet. */
function sentence(n: Notification, forOrg: boolean): string {
  const whom = forOrg ? n.recipient.name : 'you';
  const theirs = forOrg ? `${n.recipient.name}’s` : 'your';
  switch (n.kind) {
    case 'care_mention':
      return `mentioned ${whom} in an internal note in ${n.org ? `${n.org.name}’s` : 'a brand’s'} inbox`;
    case 'identity_link':
      return `asks whether ${whom === 'you' ? 'you are' : `${whom} is`} @${n.detail?.handle ?? '?'} on ${n.detail?.network ?? 'another network'}`;
    case 'order_cancelled':
      return `could not complete ${theirs} order`;
    case 'order_fulfilled':
      return `shipped ${theirs} order`;
    case 'order_refunded':
      return `refunded ${refundAmount(n)} of ${theirs} order`;
    case 'order_return':
      return `${RETURN_STEPS[n.detail?.status ?? ''] ?? 'updated'} ${theirs} return of ${n.detail?.title ?? 'an item'}`;
    case 'idea_shipped':
      return `shipped an idea ${whom === 'you' ? 'you' : whom} backed: “${n.detail?.title ?? 'an idea'}”`;
    case 'rfp_pitch':
      return `pitched on ${theirs} request “${n.detail?.title ?? 'for proposals'}”`;
    case 'rfp_won':
      return `awarded ${whom} the request “${n.detail?.title ?? 'for proposals'}”`;
    case 'rfp_lost':
      return `awarded the request “${n.detail?.title ?? 'for proposals'}” to another brand`;
    case 'listening_spike':
      return `saw mentions of “${n.detail?.topic ?? 'a topic'}” spike: ${n.detail?.observed ?? 'many'} against ${n.detail?.expected ?? 'fewer'} expected${n.detail?.why ? ` (${n.detail.why})` : ''}`;
    case 'mention':
    case 'follow':
      return `${VERBS[n.kind]} ${whom}`;
    default:
      return `${VERBS[n.kind]} ${theirs} post`;
  }
}

function refundAmount(n: Notification): string {
  const minor = Number(n.detail?.amountMinor);
  return n.detail?.currency && Number.isFinite(minor) ? formatMoney(minor, n.detail.currency) : 'part';
}

/** An order notification's second line: why it was cancelled (in words, the code kept) or what comes next. */
function orderSnippet(n: Notification): string {
  if (n.kind === 'order_cancelled') {
    const reason = cancelReason(n.detail?.reason);
    return reason.code ? `${reason.text} (${reason.code})` : reason.text;
  }
  if (n.kind === 'order_refunded')
    return n.detail?.full === 'true' ? 'The whole order was refunded.' : 'Part of the order was refunded.';
  if (n.kind === 'order_fulfilled' && n.detail?.trackingNumber) {
    const part = n.detail.complete === 'false' ? 'Part of it is' : 'It is';
    return `${part} on its way with ${n.detail.carrier}: tracking ${n.detail.trackingNumber}.`;
  }
  if (n.kind === 'order_fulfilled') return 'It is on its way.';
  if (n.kind === 'order_return')
    return n.detail?.note ?? (n.detail?.status === 'approved' ? 'Send the item back.' : '');
  return '';
}

function snippetOf(n: Notification): string {
  if (n.kind.startsWith('order_')) return orderSnippet(n);
  if (n.kind === 'idea_shipped') return 'It is on sale now: see it and buy it.';
  const post = n.post?.reshareOf ?? n.post;
  if (!post) return '';
  const chars = Array.from(post.text);
  return chars.length > 180 ? `${chars.slice(0, 180).join('')}…` : post.text;
}

export function NotificationItem({
  notification: n,
  forOrg,
}: {
  notification: Notification;
  forOrg: boolean;
}) {
  const snippet = snippetOf(n);
  const target =
    n.kind === 'care_mention' && n.org && n.subjectId
      ? `/orgs/${n.org.handle}/inbox?c=${n.subjectId}`
      : n.kind.startsWith('order_') && n.subjectId
        ? `/orders/${n.subjectId}`
        : n.kind === 'idea_shipped' && n.subjectId
          ? `/ideas/${n.subjectId}`
          : n.kind.startsWith('rfp_') && n.subjectId
            ? `/rfps/${n.subjectId}`
            : n.kind === 'listening_spike' && n.org && n.subjectId
              ? `/orgs/${n.org.handle}/listening/topics/${n.subjectId}`
              : n.post
                ? `/posts/${n.post.reshareOf?.id ?? n.post.id}`
                : `/@${n.actor.handle}`;
  return (
    <article
      className={n.read ? 'notification' : 'notification unread'}
      data-testid="notification"
      data-kind={n.kind}
    >
      <KindIcon kind={n.kind} />
      <div className="notif-main">
        <Link to={`/@${n.actor.handle}`} className="notif-avatar" aria-hidden="true" tabIndex={-1}>
          <Avatar account={n.actor} size={36} />
        </Link>
        <p className="notif-line">
          <Link to={`/@${n.actor.handle}`} className="notif-actor">
            {n.actor.name}
          </Link>
          {n.actor.verified && <VerifiedMark />} <Link to={target}>{sentence(n, forOrg)}</Link>
          <span className="dot" aria-hidden="true">
            ·
          </span>
          <RelativeTime iso={n.createdAt} />
        </p>
        {snippet && (
          <Link to={target} className="notif-snippet">
            {snippet}
          </Link>
        )}
        {n.kind === 'identity_link' && n.subjectId && !forOrg && <IdentityLinkRequest id={n.subjectId} />}
      </div>
    </article>
  );
}
