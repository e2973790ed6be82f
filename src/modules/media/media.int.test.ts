import fs from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, multipart, png, pngClaiming } from '../../../test/support/images.ts';
import { startS3Server } from '../../../test/support/s3-server.ts';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

const upload = (who: TestClient, bytes: Buffer, query = '') => {
  const { body, headers } = multipart(bytes);
  return who.request('POST', `/api/v1/media${query}`, body, headers);
};

let s3: Awaited<ReturnType<typeof startS3Server>>;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.close());

// The same journeys on both storages: files on disk (the default) and objects in a real S3-compatible server.
describe.each(['disk', 's3'] as const)('media stored on %s', (storageKind) => {
  let t: TestContext;
  let ana: TestClient;
  let ben: TestClient;

  beforeAll(async () => {
    t = await createTestApp(storageKind === 's3' ? { modules: { mediaStorage: s3.storage() } } : {});
    ana = await t.signup('ana');
    ben = await t.signup('ben');
    await t.brand(ana, 'anabrand');
  });
  afterAll(() => t.close());

  describe('uploading an image', () => {
    it('should store WebP variants without EXIF or GPS, turned upright, served immutable with nosniff', async () => {
      // 1200×800 stored sideways (orientation 6): upright it is 800×1200.
      const res = await upload(ana, await jpeg(1200, 800, { orientation: 6, gps: true }));
      expect(res.statusCode).toBe(201);
      const media = res.json();
      expect(media).toMatchObject({ type: 'image/jpeg', width: 800, height: 1200 });
      expect(media.variants.map((v: { width: number }) => v.width)).toEqual([800, 320]);
      expect(media.placeholder).toMatch(/^data:image\/webp;base64,/);
      const file = await t.anonymous.get(media.url);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/webp');
      expect(file.headers['cache-control']).toContain('immutable');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      const meta = await sharp(file.rawPayload).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: 800, height: 1200 });
      expect(meta.exif).toBeUndefined();
      expect(file.rawPayload.includes(Buffer.from('SoukCam'))).toBe(false);
    });

    it('should accept PNG, GIF and AVIF by their bytes, whatever the file is called', async () => {
      const base = sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } });
      for (const [bytes, type] of [
        [await png(), 'image/png'],
        [await base.clone().gif().toBuffer(), 'image/gif'],
        [await base.clone().avif().toBuffer(), 'image/avif'],
      ] as const) {
        const res = await upload(ana, bytes);
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().type).toBe(type);
      }
    });

    it('should upload for an org the caller acts for, and refuse one they do not', async () => {
      expect((await upload(ana, await png(), '?as=anabrand')).statusCode).toBe(201);
      const res = await upload(ben, await png(), '?as=anabrand');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('cannot_act_as');
    });

    it('should refuse what is not an image, naming the type read from the bytes', async () => {
      const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
      const res = await upload(ana, pdf);
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ code: 'media_type_unsupported' });
      expect(res.json().detail).toContain('application/pdf');
    });

    it('should refuse an empty file, a truncated one, a too large one and a pixel bomb with their codes', async () => {
      const empty = await upload(ana, Buffer.alloc(0));
      expect([empty.statusCode, empty.json().code]).toEqual([400, 'media_empty']);
      const whole = await jpeg(800, 600);
      const cut = await upload(ana, whole.subarray(0, Math.floor(whole.length / 2)));
      expect([cut.statusCode, cut.json().code]).toEqual([422, 'media_unreadable']);
      const big = await upload(ana, Buffer.concat([whole, Buffer.alloc(11 * 1024 * 1024)]));
      expect([big.statusCode, big.json().code]).toEqual([413, 'media_too_large']);
      const bomb = await upload(ana, await pngClaiming(20_000, 20_000));
      expect([bomb.statusCode, bomb.json().code]).toEqual([422, 'media_too_many_pixels']);
    });

    it('should answer a JSON body with 415 not_multipart and an unknown file with 404', async () => {
      const res = await ana.post('/api/v1/media', { file: 'x' });
      expect([res.statusCode, res.json().code]).toEqual([415, 'not_multipart']);
      const missing = await t.anonymous.get(`/api/v1/media/files/${'a'.repeat(64)}.webp`);
      expect([missing.statusCode, missing.json().code]).toEqual([404, 'media_not_found']);
    });
  });

  describe('images on posts, products and avatars', () => {
    it("should show a product's gallery in order with alt text, keep it on an edit without media, and clear it", async () => {
      const first = (await upload(ana, await jpeg(900, 600), '?as=anabrand')).json().id;
      const second = (await upload(ana, await png(), '?as=anabrand')).json().id;
      const body = {
        title: 'Lamp',
        priceMinor: 4_500,
        currency: 'EUR',
        variants: [{ sku: 'LAMP-1', stock: 3 }],
      };
      const created = await ana.post('/api/v1/orgs/anabrand/products', {
        ...body,
        media: [
          { id: second, alt: 'Lamp, front' },
          { id: first, alt: 'Lamp, lit' },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const shown = (await t.anonymous.get(`/api/v1/products/${id}`)).json();
      expect(shown.gallery.map((g: { id: string; alt: string }) => [g.id, g.alt])).toEqual([
        [second, 'Lamp, front'],
        [first, 'Lamp, lit'],
      ]);
      await ana.request('PUT', `/api/v1/products/${id}`, { ...body, title: 'Desk lamp' });
      expect((await t.anonymous.get(`/api/v1/products/${id}`)).json().gallery).toHaveLength(2);
      await ana.request('PUT', `/api/v1/products/${id}`, { ...body, media: [] });
      expect((await t.anonymous.get(`/api/v1/products/${id}`)).json().gallery).toEqual([]);
      // A person's own upload is not the brand's.
      const personal = (await upload(ana, await png())).json().id;
      const wrong = await ana.request('PUT', `/api/v1/products/${id}`, {
        ...body,
        media: [{ id: personal }],
      });
      expect([wrong.statusCode, wrong.json().code]).toEqual([422, 'unknown_media']);
    });

    it("should show a post with its images and alt text, and refuse another account's media", async () => {
      const mine = (await upload(ana, await png())).json().id;
      const res = await ana.post('/api/v1/posts', {
        text: 'Look',
        media: [{ id: mine, alt: 'A teal square' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().media).toMatchObject([{ id: mine, alt: 'A teal square' }]);
      const again = await t.anonymous.get(`/api/v1/posts/${res.json().id}`);
      expect(again.json().media[0].variants.length).toBeGreaterThan(0);

      const theft = await ben.post('/api/v1/posts', { text: 'Mine now', media: [{ id: mine }] });
      expect([theft.statusCode, theft.json().code]).toEqual([422, 'unknown_media']);
      expect(theft.json().errors[0].field).toBe('media/0/id');
    });

    it('should refuse NUL and too long alt text, and a fifth image', async () => {
      const id = (await upload(ana, await png())).json().id;
      const nul = await ana.post('/api/v1/posts', { text: 'x', media: [{ id, alt: 'a\u0000b' }] });
      expect([nul.statusCode, nul.json().code]).toEqual([400, 'invalid_text']);
      const long = await ana.post('/api/v1/posts', { text: 'x', media: [{ id, alt: 'a'.repeat(1501) }] });
      expect(long.statusCode).toBe(400);
      const five = await ana.post('/api/v1/posts', { text: 'x', media: Array(5).fill({ id }) });
      expect(five.statusCode).toBe(400);
    });

    it('should set an avatar of the owner only', async () => {
      const id = (await upload(ben, await jpeg(600, 600))).json().id;
      const res = await ben.post(`/api/v1/media/${id}/avatar`, {});
      expect(res.statusCode, res.body).toBe(200);
      const me = (await ben.get('/api/v1/me')).json();
      expect(me.account.avatarUrl).toBe(res.json().avatarUrl);
      // Saving the profile form again with that picture keeps it.
      const kept = await ben.request('PATCH', '/api/v1/me/profile', {
        name: 'Ben B',
        avatarUrl: me.account.avatarUrl,
      });
      expect(kept.statusCode, kept.body).toBe(200);
      const theft = await ana.post(`/api/v1/media/${id}/avatar`, {});
      expect([theft.statusCode, theft.json().code]).toEqual([422, 'unknown_media']);
    });
  });

  it.runIf(storageKind === 's3')(
    'should keep the variants as objects in the bucket and stream them back',
    async () => {
      const res = await upload(ana, await jpeg(1000, 700));
      expect(res.statusCode, res.body).toBe(201);
      const { variants } = res.json() as { variants: { url: string; width: number }[] };
      const listed = await readdirDeep(s3.directory);
      for (const v of variants) {
        const name = v.url.split('/').pop()!;
        expect(listed.some((f) => f.includes(name))).toBe(true);
        const file = await t.anonymous.get(v.url);
        expect(file.statusCode).toBe(200);
        expect(file.headers['content-type']).toBe('image/webp');
        expect(Number(file.headers['content-length'])).toBe(file.rawPayload.length);
        expect((await sharp(file.rawPayload).metadata()).width).toBe(v.width);
      }
    },
  );
});

describe('an S3 storage that cannot be reached', () => {
  it('should answer an upload with 503 storage_unavailable and save no media row', async () => {
    const t = await createTestApp({
      modules: { mediaStorage: s3.storage({ endpoint: 'http://127.0.0.1:9' }) },
    });
    try {
      const cleo = await t.signup('cleo');
      const res = await upload(cleo, await png());
      expect([res.statusCode, res.json().code]).toEqual([503, 'storage_unavailable']);
      const rows = await t.handle.db.selectFrom('media').select('id').execute();
      expect(rows).toEqual([]);
      const missing = await t.anonymous.get(`/api/v1/media/files/${'b'.repeat(64)}.webp`);
      expect([missing.statusCode, missing.json().code]).toEqual([503, 'storage_unavailable']);
    } finally {
      await t.close();
    }
  });

  it('should answer 503 when the bucket does not exist', async () => {
    const t = await createTestApp({ modules: { mediaStorage: s3.storage({ bucket: 'no-such-bucket' }) } });
    try {
      const dan = await t.signup('dan');
      const res = await upload(dan, await png());
      expect([res.statusCode, res.json().code]).toEqual([503, 'storage_unavailable']);
    } finally {
      await t.close();
    }
  });
});

async function readdirDeep(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries.map(String);
}
