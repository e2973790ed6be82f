import type { NotificationKind } from '../notifications.tables.ts';

/** What a person sees for each kind of notification, and what it does by default. */
export type KindSetting = { label: string; group: 'Social' | 'Orders' | 'Brands and ideas'; email: boolean };

/**
 * Every kind of notification, with its default channels: in the app always; by mail what a person would not
 * want to miss (orders, a brand asking about them, colleagues' mentions, shipped ideas), not social chatter.
 */
export const KIND_SETTINGS: Record<NotificationKind, KindSetting> = {
  mention: { label: 'Mentions of you', group: 'Social', email: false },
  reply: { label: 'Replies to your posts', group: 'Social', email: false },
  reshare: { label: 'Reshares of your posts', group: 'Social', email: false },
  like: { label: 'Likes of your posts', group: 'Social', email: false },
  quote: { label: 'Quotes of your posts', group: 'Social', email: false },
  follow: { label: 'New followers', group: 'Social', email: false },
  order_cancelled: { label: 'An order of yours is cancelled', group: 'Orders', email: true },
  order_fulfilled: { label: 'An order of yours ships', group: 'Orders', email: true },
  order_refunded: { label: 'An order of yours is refunded', group: 'Orders', email: true },
  order_return: { label: 'A return of yours moves on', group: 'Orders', email: true },
  identity_link: { label: 'A brand asks to link your identity', group: 'Brands and ideas', email: true },
  care_mention: { label: 'Colleagues mention you in the inbox', group: 'Brands and ideas', email: true },
  idea_shipped: { label: 'An idea you supported ships', group: 'Brands and ideas', email: true },
  rfp_pitch: { label: 'A brand pitches on your request', group: 'Brands and ideas', email: true },
  rfp_won: { label: 'Your brand wins a request it pitched on', group: 'Brands and ideas', email: true },
  rfp_lost: { label: 'Your brand loses a request it pitched on', group: 'Brands and ideas', email: false },
  // The brand chooses mail for spikes itself (listening alert settings); in the app by default.
  listening_spike: {
    label: 'A listening topic of your brand spikes',
    group: 'Brands and ideas',
    email: false,
  },
};

export const NOTIFICATION_KINDS = Object.keys(KIND_SETTINGS) as NotificationKind[];

/** Mail about the account itself (reset, email change, password changed): always sent, listed as locked. */
export const SECURITY_KIND = 'account_security' as const;
