import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

/**
 * Requests Souk makes to addresses its users type (a Mastodon instance to follow, a webhook to call). Unless the
 * operator allows private networks, such a request may only reach the public internet: an address that resolves
 * to loopback, a private or link-local range (cloud metadata at 169.254.169.254 included) is refused before a
 * connection is made, checked on the resolved address (so a name that points inside cannot slip through).
 */

/** Whether the public internet routes to this IP address. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/** Why a host may not be fetched from, or null: an address literal or `localhost` is judged without a look-up. */
export function privateHostReason(hostname: string): string | null {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (/^localhost$|\.localhost$/i.test(host)) return `${hostname} is this machine`;
  if (net.isIP(host) && !isPublicAddress(host)) return `${hostname} is not a public address`;
  return null;
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/** `dns.lookup` that fails for a name resolving to any address that is not public. */
export function publicLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback) {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const inside = addresses.find((a) => !isPublicAddress(a.address));
    if (inside)
      return callback(
        new PrivateAddressError(`${hostname} resolves to ${inside.address}, not a public address`),
        [],
      );
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
}

const publicOnly = new Agent({ connect: { lookup: publicLookup as never } });

/** Redirects followed at most (each one's target checked like the first address). */
const MAX_REDIRECTS = 5;

/**
 * `fetch` for an address a user gave. With `allowPrivate` false, a private host, at the start or after a
 * redirect, is refused with a `PrivateAddressError` as the `cause` of the thrown error (as fetch reports
 * connection failures).
 */
export async function outboundFetch(
  url: string,
  init: RequestInit,
  allowPrivate: boolean,
): Promise<Response> {
  if (allowPrivate) return fetch(url, init);
  let target = url;
  for (let hop = 0; ; hop++) {
    const reason = privateHostReason(new URL(target).hostname);
    if (reason) throw new TypeError('fetch failed', { cause: new PrivateAddressError(reason) });
    const response = await fetch(target, {
      ...init,
      redirect: 'manual',
      dispatcher: publicOnly,
    } as RequestInit);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location || init.redirect === 'manual')
      return response;
    await response.body?.cancel().catch(() => {});
    if (init.redirect === 'error' || hop >= MAX_REDIRECTS)
      throw new TypeError('fetch failed', { cause: new Error(`redirected to ${location}`) });
    target = new URL(location, target).toString();
  }
}
