import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportOptions } from './importers.ts';
import { readMentions } from './importers.ts';
import { ImportFileError, type ImportFormat, type ImportItem } from './mention.types.ts';

async function* chunks(text: string | Uint8Array, size = 7) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}
async function all(text: string | Uint8Array, format: ImportFormat, options?: ImportOptions) {
  const items: ImportItem[] = [];
  for await (const item of readMentions(chunks(text), format, options)) items.push(item);
  return items;
}
const mentions = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'mention' ? [i.mention] : []));
const problems = (items: ImportItem[]) =>
  items
    .flatMap((i) => (i.kind === 'error' ? [{ line: i.line, reason: i.reason }] : []))
    .sort((a, b) => a.line - b.line);

const TWCS = `tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
1,acmecare,False,Tue Oct 31 22:10:47 +0000 2017,@115712 Sorry! Please DM us. https://t.co/x,,2
2,115712,True,Tue Oct 31 22:08:27 +0000 2017,"@acmecare my order is late again, ""really"" #AcmeFail",1,
3,115713,True,not a date,hello @acmecare,,
4,115714,True,Tue Oct 31 22:20:00 +0000 2017,too,many,columns,here
5,115715,True,Tue Oct 31 22:21:00 +0000 2017,"multi
line text",,
`;

describe('importers', () => {
  it('reads the twcs CSV layout, keeps reply links, and reports bad lines without losing the rest', async () => {
    const items = await all(TWCS, 'twcs');
    const ok = mentions(items);
    expect(ok.map((m) => m.externalId)).toEqual(['1', '2', '5']);
    expect(ok[0]).toMatchObject({
      authorHandle: 'acmecare',
      inReplyTo: '2',
      hasLink: true,
      mentions: ['115712'],
    });
    expect(ok[1]).toMatchObject({
      text: '@acmecare my order is late again, "really" #AcmeFail',
      hashtags: ['acmefail'],
    });
    expect(ok[1].postedAt.toISOString()).toBe('2017-10-31T22:08:27.000Z');
    expect(ok[2].text).toBe('multi\nline text');
    expect(problems(items)).toEqual([
      { line: 4, reason: 'unreadable date "not a date"' },
      { line: 5, reason: 'wrong number of columns' },
    ]);
  });

  it('refuses a CSV without the layout’s columns and a file that is not UTF-8, naming the problem', async () => {
    await expect(all('id,body\n1,hi\n', 'twcs')).rejects.toThrow(/no column "tweet_id"/);
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(
        'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n1,caf',
      ),
      0xe9,
      0x0a,
    ]);
    const err = await all(latin1, 'twcs').catch((e) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect(err.message).toMatch(/not UTF-8/);
  });

  it('reads generic CSV and JSON lines through a column mapping', async () => {
    const mapping = {
      id: 'id',
      text: 'body',
      createdAt: 'at',
      author: 'who',
      followers: 'fans',
      inReplyTo: 'parent',
    };
    const csv = await all(
      'id,body,at,who,fans,parent\na1,Love it,2026-11-01T10:00:00Z,@Ann,1200,\na2,Me too,2026-11-01T10:05:00Z,bo,-3,a1\n',
      'csv',
      { mapping },
    );
    expect(mentions(csv)).toMatchObject([{ externalId: 'a1', authorHandle: 'ann', authorFollowers: 1200 }]);
    expect(problems(csv)).toEqual([{ line: 3, reason: 'followers is not a whole number: -3' }]);
    const jsonl = await all('{"id":7,"body":"hi\\u0000there","at":1764583200}\n\n{broken\n["x"]\n', 'jsonl', {
      mapping,
    });
    expect(mentions(jsonl)).toMatchObject([
      { externalId: '7', text: 'hi\uFFFDthere', authorHandle: 'unknown' },
    ]);
    expect(problems(jsonl)).toEqual([
      { line: 3, reason: 'not valid JSON' },
      { line: 4, reason: 'not an object' },
    ]);
    await expect(all('{}', 'csv')).rejects.toThrow(/column mapping/);
  });

  it('reads an X archive’s tweets.js, skipping retweets', async () => {
    const file = `window.YTD.tweets.part0 = [
  { "tweet" : { "id_str" : "10", "full_text" : "Shoes from @acme arrived, thanks! #happy", "created_at" : "Mon Nov 02 10:00:00 +0000 2026", "lang" : "en", "retweet_count" : "4" } },
  { "tweet" : { "id_str" : "11", "full_text" : "RT @x: something", "created_at" : "Mon Nov 02 10:00:00 +0000 2026" } },
  { "tweet" : { "id_str" : "12", "full_text" : "reply {with} \\"braces\\"", "created_at" : "Mon Nov 02 11:00:00 +0000 2026", "in_reply_to_status_id_str" : "10" } },
  { "tweet" : { "id_str" : "13", "full_text" : "", "created_at" : "Mon Nov 02 11:00:00 +0000 2026" } }
]`;
    const items = await all(file, 'tweets-js', { author: 'ann' });
    expect(mentions(items)).toMatchObject([
      {
        externalId: '10',
        authorHandle: 'ann',
        reshares: 4,
        language: 'en',
        url: 'https://x.com/ann/status/10',
      },
      { externalId: '12', inReplyTo: '10', text: 'reply {with} "braces"' },
    ]);
    expect(items.filter((i) => i.kind === 'ignored')).toMatchObject([{ line: 3, reason: 'a retweet' }]);
    expect(problems(items)).toEqual([{ line: 5, reason: 'empty text' }]);
    await expect(all('window.YTD.tweets.part0 = [ {"tweet":{}}', 'tweets-js')).rejects.toThrow(/truncated/);
  });

  it('reads a Mastodon outbox.json (Create activities; boosts ignored; HTML to text)', async () => {
    const file = JSON.stringify(
      {
        '@context': 'https://www.w3.org/ns/activitystreams',
        type: 'OrderedCollection',
        orderedItems: [
          {
            type: 'Create',
            actor: 'https://mastodon.social/users/ann',
            object: {
              id: 'https://mastodon.social/users/ann/statuses/1',
              url: 'https://mastodon.social/@ann/1',
              published: '2026-11-02T10:00:00Z',
              content: '<p>Acme &amp; friends</p><p>are <a href="x">#great</a></p>',
              contentMap: { de: '…' },
              inReplyTo: null,
            },
          },
          { type: 'Announce', actor: 'https://mastodon.social/users/ann', object: 'https://x/1' },
        ],
      },
      null,
      1,
    );
    const items = await all(file, 'mastodon-outbox');
    expect(mentions(items)).toMatchObject([
      { authorHandle: 'ann', text: 'Acme & friends\n\nare #great', language: 'de', hashtags: ['great'] },
    ]);
    expect(items.filter((i) => i.kind === 'ignored')).toHaveLength(1);
  });

  it('reads Bluesky Jetstream lines: post creations only, replies linked by their parent uri', async () => {
    const post = (rkey: string, record: object) =>
      JSON.stringify({
        did: 'did:plc:abc',
        time_us: 1764583200000000,
        kind: 'commit',
        commit: { operation: 'create', collection: 'app.bsky.feed.post', rkey, record },
      });
    const file = [
      post('r1', { text: 'acme is down?', createdAt: '2026-11-02T10:00:00Z', langs: ['en'] }),
      JSON.stringify({ did: 'did:plc:abc', kind: 'identity' }),
      post('r2', {
        text: 'still down',
        createdAt: '2026-11-02T10:01:00Z',
        reply: { parent: { uri: 'at://did:plc:abc/app.bsky.feed.post/r1' } },
      }),
    ].join('\n');
    const items = await all(file, 'jetstream');
    expect(mentions(items)).toMatchObject([
      { externalId: 'at://did:plc:abc/app.bsky.feed.post/r1', language: 'en' },
      { inReplyTo: 'at://did:plc:abc/app.bsky.feed.post/r1' },
    ]);
    expect(items[1]).toEqual({ kind: 'ignored', line: 2, reason: 'not the creation of a post' });
  });

  const twcsSample = path.resolve(
    process.env.SOUK_TWCS_DIR ?? '../shared/data/twcs-customer-support-sample',
    'twcs_first5000.csv',
  );
  it.skipIf(!existsSync(twcsSample))('reads the public twcs sample in place', async () => {
    let ok = 0;
    let bad = 0;
    for await (const item of readMentions(createReadStream(twcsSample), 'twcs')) {
      if (item.kind === 'mention') ok++;
      else bad++;
    }
    expect(ok).toBeGreaterThan(4900);
    expect(bad).toBeLessThan(50);
  });
});
