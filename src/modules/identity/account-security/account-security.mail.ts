import type { MailContent } from '../../mail/index.ts';

/** What the account-security mails say. Links point at the web app's pages, which call the API. */
const footer =
  'You get this mail because of your Souk account. If you did not ask for it, you can ignore it.';

export const verifyEmailMail = (name: string, url: string): MailContent => ({
  subject: 'Confirm your email address for Souk',
  greeting: `Hi ${name},`,
  paragraphs: ['Please confirm that this is your email address. The link works for 24 hours.'],
  action: { label: 'Confirm email address', url },
  footer,
});

export const changeEmailMail = (name: string, url: string): MailContent => ({
  subject: 'Confirm your new email address for Souk',
  greeting: `Hi ${name},`,
  paragraphs: [
    'You asked to use this address for your Souk account. It takes effect once you confirm it; the link works for 24 hours.',
  ],
  action: { label: 'Use this address', url },
  footer,
});

export const emailChangeRequestedNotice = (name: string, newEmail: string): MailContent => ({
  subject: 'Your Souk email address is being changed',
  greeting: `Hi ${name},`,
  paragraphs: [
    `Someone signed in to your account asked to change its email address to ${newEmail}. It changes only when that address confirms.`,
    'If this was not you, change your password now and sign out of your other sessions (Settings → Security).',
  ],
});

export const emailChangedNotice = (name: string, newEmail: string): MailContent => ({
  subject: 'Your Souk email address was changed',
  greeting: `Hi ${name},`,
  paragraphs: [
    `Your account's email address is now ${newEmail}; mail about your account no longer comes here.`,
    'If this was not you, reset your password from the sign-in page and write to the site admin.',
  ],
});

export const resetPasswordMail = (name: string, url: string): MailContent => ({
  subject: 'Reset your Souk password',
  greeting: `Hi ${name},`,
  paragraphs: [
    'Someone (hopefully you) asked to reset the password of your Souk account. The link works once, for one hour.',
    'Setting a new password signs you out everywhere.',
  ],
  action: { label: 'Choose a new password', url },
  footer,
});

export const passwordChangedNotice = (name: string, how: 'changed' | 'reset'): MailContent => ({
  subject: `Your Souk password was ${how}`,
  greeting: `Hi ${name},`,
  paragraphs: [
    how === 'changed'
      ? 'Your password was changed and your other sessions were signed out.'
      : 'Your password was reset and every session was signed out.',
    'If this was not you, reset your password from the sign-in page at once.',
  ],
});
