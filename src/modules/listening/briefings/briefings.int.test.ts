import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

// Briefing books: written on demand and by the weekly schedule from the brand's mentions, stored as a snapshot,
// read as JSON and as a PDF with charts; members of the brand only.
let t: TestContext;
let owner: TestClient;
let other: TestClient;
const base = '/api/v1/orgs/acme/listening';

const rows = [
  ['1', 'ann', '2026-11-30T10:00:00Z', '@acme my parcel is late again, terrible delivery #AcmeFail', '12'],
  ['2', 'bob', '2026-11-30T11:00:00Z', '@acme love the new boots, great quality', '3'],
  ['3', 'cy', '2026-12-01T09:00:00Z', '@acme parcel late, awful delivery, refund please', '1'],
  ['4', 'dee', '2026-12-01T10:00:00Z', 'Rivalco boots are great', '0'],
  ['5', 'eve', '2026-12-02T10:00:00Z', '@acme wonderful service, great boots', '0'],
  ['6', 'fay', '2026-12-02T12:00:00Z', '@acme delivery late and terrible', '0'],
];
const CSV = `id,author,created,text,reshares\n${rows.map(([a, b, c, text, d]) => [a, b, c, `"${text}"`, d].join(',')).join('\n')}\n`;
const MAPPING = encodeURIComponent(
  JSON.stringify({ id: 'id', author: 'author', createdAt: 'created', text: 'text', reshares: 'reshares' }),
);
const period = { from: '2026-11-30T00:00:00.000Z', to: '2026-12-03T00:00:00.000Z' };

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('acme_owner');
  other = await t.signup('rival_owner');
  await t.brand(owner, 'acme');
  await t.brand(other, 'rivalco');
  const up = await owner.request('POST', `${base}/imports?format=csv&mapping=${MAPPING}`, CSV, {
    'content-type': 'text/csv',
  });
  expect(up.json()).toMatchObject({ imported: 6 });
  await owner.post(`${base}/topics`, { name: 'Acme', kind: 'brand', query: '@acme OR acme' });
  await owner.post(`${base}/topics`, { name: 'Rivalco Łódź', kind: 'competitor', query: 'rivalco' });
});
afterAll(() => t.close());

describe('briefing books', () => {
  let id = '';
  it('should write a book for a period with its figures and a summary written from them', async () => {
    const res = await owner.post(`${base}/briefings`, period);
    expect(res.statusCode, res.body).toBe(201);
    const book = res.json();
    id = book.id;
    expect(book).toMatchObject({ cadence: 'on_demand', ...period, mentions: 5 });
    expect(book.figures.volume.series.map((d: { count: number }) => d.count)).toEqual([2, 1, 2]);
    expect(book.figures.shareOfVoice).toEqual([
      expect.objectContaining({ name: 'Acme', kind: 'brand', count: 5 }),
      expect.objectContaining({ name: 'Rivalco Łódź', kind: 'competitor', count: 1 }),
    ]);
    expect(book.figures.topConversations[0]).toMatchObject({ authorHandle: 'ann', reshares: 12 });
    expect(book.figures.summary[0]).toBe('acme Inc was mentioned 5 times, up from none (0).');
    expect(book.figures.summary.join(' ')).toMatch(/led the conversation with 83% share of voice/);
    expect(book.figures.care).toMatchObject({ conversations: 0 });
    expect(book.figures.sales).toMatchObject({ orders: 0, revenueMinor: 0 });
    const list = (await owner.get(`${base}/briefings`)).json();
    expect(list.items.map((b: { id: string }) => b.id)).toEqual([id]);
  });

  it('should keep a book as it was written when mentions arrive later', async () => {
    await owner.request(
      'POST',
      `${base}/imports?format=csv&mapping=${MAPPING}`,
      'id,author,created,text,reshares\n7,gus,2026-12-01T08:00:00Z,@acme late again,0\n',
      { 'content-type': 'text/csv' },
    );
    expect((await owner.get(`${base}/briefings/${id}`)).json().mentions).toBe(5);
  });

  it('should serve the book as a PDF of four pages with the brand, its charts and its figures', async () => {
    const res = await owner.get(`${base}/briefings/${id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="briefing-acme-2026-11-30.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = await parser.getText();
    await parser.destroy();
    expect(text.total).toBe(4);
    const [cover, charts, spikes, care] = text.pages.map((p) => p.text);
    expect(cover).toContain('acme Inc');
    expect(cover).toContain('Executive summary');
    expect(cover).toContain('mentioned 5 times');
    expect(charts).toContain('Share of voice');
    // Outside Windows-1252: printed with the embedded font, not as "?" (the standard fonts' limit).
    expect(charts).toContain('Rivalco Łódź');
    expect(charts).not.toContain('??d?');
    expect(charts).toMatch(/83%/); // the share-of-voice chart's label, drawn from the ECharts SVG
    expect(spikes).toContain('Top conversations');
    expect(spikes).toContain('@ann');
    expect(care).toContain('Care performance');
    expect(care).toContain('Attributed sales');
  });

  it('should write last week’s book once per brand however often the schedule runs', async () => {
    const monday = new Date('2026-12-07T03:00:00Z');
    expect(await t.modules.briefings.service.writeWeekly(monday)).toBeGreaterThanOrEqual(1);
    expect(await t.modules.briefings.service.writeWeekly(monday)).toBe(0);
    const weekly = (await owner.get(`${base}/briefings`))
      .json()
      .items.filter((b: { cadence: string }) => b.cadence === 'weekly');
    expect(weekly).toEqual([
      expect.objectContaining({
        from: '2026-11-30T00:00:00.000Z',
        to: '2026-12-07T00:00:00.000Z',
        mentions: 6,
      }),
    ]);
  });

  it('should answer bad periods, unknown and foreign books with a 4xx code', async () => {
    const reversed = await owner.post(`${base}/briefings`, { from: period.to, to: period.from });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'invalid_period' });
    const long = await owner.post(`${base}/briefings`, {
      from: '2025-01-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    });
    expect(long.json()).toMatchObject({ code: 'invalid_period', errors: [{ field: 'to' }] });
    const badDate = await owner.post(`${base}/briefings`, { from: 'yesterday' });
    expect(badDate.statusCode).toBe(400);
    const unknown = await owner.get(`${base}/briefings/7d3e9a52-4a55-4d43-9f0f-5b4a4d6f0c11`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'briefing_not_found' });
    expect((await owner.get(`${base}/briefings/not-an-id`)).statusCode).toBe(400);
    // Another brand's member: under its own handle the book does not exist; under acme's it learns nothing.
    const foreign = await other.get(`/api/v1/orgs/rivalco/listening/briefings/${id}`);
    expect(foreign.statusCode).toBe(404);
    expect((await other.get(`${base}/briefings/${id}/pdf`)).statusCode).toBe(404);
    expect((await other.get(`${base}/briefings`)).statusCode).toBe(404);
  });
});
