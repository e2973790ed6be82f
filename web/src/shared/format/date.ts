// One way of writing dates across the app: "Dec 5, 2026" and "Dec 5, 2026, 3:04 PM" in the reader's locale.

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const valid = (iso: string) => !Number.isNaN(new Date(iso).getTime());

/** An ISO time as a date, e.g. "Dec 5, 2026". */
export function formatDate(iso: string): string {
  return valid(iso) ? dateFormat.format(new Date(iso)) : '';
}

/** An ISO time as a date and time of day, e.g. "Dec 5, 2026, 3:04 PM". */
export function formatDateTime(iso: string): string {
  return valid(iso) ? dateTimeFormat.format(new Date(iso)) : '';
}

/** A Date as the value of a datetime-local input, in the user's time zone. */
export const toLocalInput = (date: Date) =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
