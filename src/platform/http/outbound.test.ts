import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isPublicAddress,
  outboundFetch,
  PrivateAddressError,
  privateHostReason,
  publicLookup,
} from './outbound.ts';

// Addresses a user types may only reach the public internet unless the operator allows private networks: a local
// server stands in for the inside of the network the server runs in.
let server: http.Server;
let port: number;
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('inside'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const refusal = async (url: string) => {
  try {
    await outboundFetch(url, {}, false);
  } catch (err) {
    return (err as { cause?: unknown }).cause;
  }
  return null;
};

describe('outbound requests to addresses users give', () => {
  it('tells public addresses from loopback, private, link-local and shared ones', () => {
    for (const a of ['93.184.215.14', '2606:4700::6810:85e5', '8.8.8.8'])
      expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.9',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'not an address',
    ])
      expect(isPublicAddress(a), a).toBe(false);
    expect(privateHostReason('localhost')).toMatch(/this machine/);
    expect(privateHostReason('[::1]')).toMatch(/not a public address/);
    expect(privateHostReason('mastodon.social')).toBeNull();
  });

  it('refuses loopback by address and by a name that resolves to it, and reaches it when allowed', async () => {
    expect(await refusal(`http://127.0.0.1:${port}/`)).toBeInstanceOf(PrivateAddressError);
    expect(await refusal(`http://localhost:${port}/`)).toBeInstanceOf(PrivateAddressError);
    // the look-up a connection makes refuses a name that resolves inside, whatever the name
    const looked = await new Promise<unknown>((r) => publicLookup('localhost', {}, (err) => r(err)));
    expect(looked).toBeInstanceOf(PrivateAddressError);
    const allowed = await outboundFetch(`http://127.0.0.1:${port}/`, {}, true);
    expect(await allowed.text()).toBe('inside');
  });
});
