import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as echarts from 'echarts';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { money } from './briefing.summary.ts';
import type { BriefingFigures } from './briefings.schemas.ts';

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN; // A4
const INK = '#1f2933';
const MUTED = '#616e7c';
const ACCENT = '#2f6fdf';
const COLORS = ['#2f6fdf', '#e4572e', '#29a36a', '#f3a712', '#8e5cd9', '#17a2b8'];
// The PDF's standard fonts speak only Windows-1252 ("Łódź" printed as "??d?"): the book embeds DejaVu Sans (the
// dejavu-fonts-ttf package; Bitstream Vera licence, free to embed), which covers Latin, Greek, Cyrillic, Hebrew,
// Arabic and Georgian among others, for its text and its charts' labels alike.
const FONT_FILES = {
  Sans: 'DejaVuSans.ttf',
  'Sans-Bold': 'DejaVuSans-Bold.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;
let fonts: Record<FontName, Buffer> | undefined;
const fontData = () => {
  const resolve = createRequire(import.meta.url).resolve;
  fonts ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [
      name,
      readFileSync(resolve(`dejavu-fonts-ttf/ttf/${file}`)),
    ]),
  ) as Record<FontName, Buffer>;
  return fonts;
};

/** Text as the book prints it: control characters become spaces, emoji (no glyphs in the font) are dropped. */
export function printable(text: string) {
  return [...text.replace(/\p{Extended_Pictographic}\uFE0F?/gu, '')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 && ch !== '\n' ? ' ' : ch))
    .join('');
}

/**
 * ECharts draws a value label with a white halo behind it (`stroke` with `paint-order="stroke"`); svg-to-pdfkit
 * ignores `paint-order` and strokes after filling, so the halo covered the label and the values disappeared. The page
 * is white, so the halo goes.
 */
export const withoutTextHalo = (svg: string) =>
  svg.replace(/<text\b[^>]*paint-order="stroke"[^>]*>/g, (tag) =>
    tag.replace(/\s(?:stroke|stroke-width|stroke-miterlimit|paint-order)="[^"]*"/g, ''),
  );

/** An ECharts option drawn to SVG on the server (no browser), the way the web app draws it. */
function chartSvg(option: echarts.EChartsCoreOption, width: number, height: number) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: 'Sans', color: INK },
    ...option,
  });
  // ECharts sizes its SVG in px, which svg-to-pdfkit shrinks to ¾ of a point each: state the size in points.
  const svg = withoutTextHalo(chart.renderToSVGString()).replace(
    /width="(\d+)" height="(\d+)"/,
    'width="$1pt" height="$2pt"',
  );
  chart.dispose();
  return svg;
}

const day = (iso: string) => iso.slice(0, 10);
const pct = (v: number) => `${Math.round(v * 100)}%`;
const minutes = (m: number | null) =>
  m === null
    ? 'n/a'
    : m < 90
      ? `${Math.round(m)} min`
      : m < 2880
        ? `${(m / 60).toFixed(1)} h`
        : `${(m / 1440).toFixed(1)} d`;

/** A briefing book as a PDF with its charts, from its stored figures alone (no database). */
export function renderBriefingPdf(f: BriefingFigures): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: printable(`Briefing book: ${f.brand.name}, ${day(f.period.from)} to ${day(f.period.to)}`),
      Author: 'Souk',
      Subject: 'Listening briefing book',
    },
  });
  for (const [name, data] of Object.entries(fontData())) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const room = (points: number) => {
    if (doc.y + points > doc.page.height - MARGIN - 20) doc.addPage();
  };
  const heading = (text: string) => {
    room(60);
    doc.moveDown(0.6).font('Sans-Bold').fontSize(15).fillColor(INK).text(printable(text), MARGIN);
    doc.moveDown(0.3).font('Sans').fontSize(10).fillColor(INK);
  };
  const para = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font('Sans')
      .fontSize(10)
      .fillColor(INK)
      .text(printable(text), MARGIN, undefined, {
        width: WIDTH,
        ...options,
      });
  const chart = (option: echarts.EChartsCoreOption, height: number) => {
    room(height + 10);
    const y = doc.y;
    SVGtoPDF(doc, chartSvg(option, Math.round(WIDTH), height), MARGIN, y, {
      width: WIDTH,
      height,
      fontCallback: (_family: string, bold: boolean) => (bold ? 'Sans-Bold' : 'Sans'),
    });
    doc.y = y + height + 6;
  };
  const table = (rows: [string, string][]) => {
    for (const [label, value] of rows) {
      room(16);
      const y = doc.y;
      doc.font('Sans').fontSize(10).fillColor(MUTED).text(printable(label), MARGIN, y, { width: 230 });
      doc
        .font('Sans-Bold')
        .fillColor(INK)
        .text(printable(value), MARGIN + 240, y, { width: WIDTH - 240 });
      doc.moveDown(0.2);
    }
  };

  // Page 1: cover and executive summary.
  doc.font('Sans').fontSize(11).fillColor(ACCENT).text('BRIEFING BOOK', MARGIN, 70);
  doc.font('Sans-Bold').fontSize(26).fillColor(INK).text(printable(f.brand.name), { width: WIDTH });
  doc
    .font('Sans')
    .fontSize(12)
    .fillColor(MUTED)
    .text(printable(`@${f.brand.handle} · ${day(f.period.from)} to ${day(f.period.to)} (UTC)`));
  doc.moveDown(1.2);
  const tiles: [string, string][] = [
    ['Mentions', f.volume.mentions.toLocaleString('en-US')],
    ['Mean sentiment', f.sentiment.average.toFixed(2)],
    ['First reply (median)', minutes(f.care.firstResponseMedianMinutes)],
    ['Sales', money(f.sales.revenueMinor, f.sales.currency)],
  ];
  const tileWidth = (WIDTH - 3 * 8) / 4;
  const tileY = doc.y;
  tiles.forEach(([label, value], i) => {
    const x = MARGIN + i * (tileWidth + 8);
    doc.roundedRect(x, tileY, tileWidth, 54, 6).fillColor('#eef3fb').fill();
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(MUTED)
      .text(label.toUpperCase(), x + 8, tileY + 9, { width: tileWidth - 16 });
    doc
      .font('Sans-Bold')
      .fontSize(14)
      .fillColor(INK)
      .text(printable(value), x + 8, tileY + 25, { width: tileWidth - 16 });
  });
  doc.y = tileY + 70;
  heading('Executive summary');
  for (const sentence of f.summary) {
    para(`•  ${sentence}`, { indent: 0 });
    doc.moveDown(0.35);
  }
  if (f.topics.length) {
    doc.moveDown(0.5);
    para(`Mentions counted with the topics: ${f.topics.join(', ')}.`, { oblique: true });
  }

  // Page 2: volume, sentiment and share of voice.
  doc.addPage();
  heading('Volume and sentiment');
  const series = f.volume.series;
  chart(
    {
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: series.map((s) => s.day.slice(5)) },
      yAxis: { type: 'value' },
      series: [
        { name: 'Positive', type: 'bar', stack: 'm', color: '#29a36a', data: series.map((s) => s.positive) },
        {
          name: 'Neutral',
          type: 'bar',
          stack: 'm',
          color: '#9aa5b1',
          data: series.map((s) => s.count - s.positive - s.negative),
        },
        { name: 'Negative', type: 'bar', stack: 'm', color: '#e4572e', data: series.map((s) => s.negative) },
      ],
    },
    220,
  );
  heading('Share of voice');
  if (f.shareOfVoice.length) {
    chart(
      {
        grid: { left: 110, right: 40, top: 10, bottom: 20 },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
        yAxis: { type: 'category', inverse: true, data: f.shareOfVoice.map((s) => printable(s.name)) },
        series: [
          {
            type: 'bar',
            data: f.shareOfVoice.map((s) => ({
              value: s.share,
              itemStyle: { color: s.kind === 'brand' ? ACCENT : '#9aa5b1' },
            })),
            label: { show: true, position: 'right', formatter: (p: { value: number }) => pct(p.value) },
          },
        ],
      },
      Math.max(90, 34 * f.shareOfVoice.length),
    );
  } else para('No competitor topic is defined: add competitor topics to compare share of voice.');
  heading('Sentiment drivers');
  const drivers = (label: string, list: BriefingFigures['sentiment']['negativeDrivers']) =>
    para(
      `${label}: ${list.length ? list.map((d) => `${d.key} (${d.count})`).join(', ') : 'nothing stands out'}`,
    );
  drivers('Over-represented in negative mentions', f.sentiment.negativeDrivers);
  doc.moveDown(0.3);
  drivers('Over-represented in positive mentions', f.sentiment.positiveDrivers);

  // Page 3: spikes and top conversations.
  doc.addPage();
  heading('Spikes and their causes');
  if (!f.spikes.length) para('No spike in the period.');
  for (const s of f.spikes) {
    room(50);
    doc
      .font('Sans-Bold')
      .fontSize(10)
      .fillColor(INK)
      .text(
        printable(
          `${s.topicName}: ${s.observed} mentions against ${s.expected.toFixed(0)} expected, from ${s.startedAt.slice(0, 16).replace('T', ' ')}`,
        ),
        MARGIN,
        undefined,
        { width: WIDTH },
      );
    para(`Why: ${s.causes.length ? s.causes.join(', ') : 'no single cause stands out'}`);
    if (s.topMention)
      para(`Most reshared: @${s.topMention.authorHandle}: “${s.topMention.text.slice(0, 220)}”`, {
        oblique: true,
      });
    doc.moveDown(0.4);
  }
  heading('Top conversations');
  if (!f.topConversations.length) para('No mention in the period.');
  for (const c of f.topConversations) {
    room(50);
    doc
      .font('Sans-Bold')
      .fontSize(10)
      .fillColor(INK)
      .text(
        printable(
          `@${c.authorHandle}${c.followers !== null ? ` (${c.followers.toLocaleString('en-US')} followers)` : ''} · ${c.reshares} reshares · ${c.replies} replies`,
        ),
        MARGIN,
        undefined,
        { width: WIDTH },
      );
    para(c.text.slice(0, 400));
    doc.moveDown(0.4);
  }

  // Page 4: care, ideas and requests, sales.
  doc.addPage();
  heading('Care performance');
  const c = f.care;
  table([
    ['Conversations opened', c.conversations.toLocaleString('en-US')],
    ['Answered', c.conversations ? `${c.answered} (${pct(c.answered / c.conversations)})` : '0'],
    ['First reply, median', minutes(c.firstResponseMedianMinutes)],
    ['Resolved', c.resolutionRate === null ? 'n/a' : pct(c.resolutionRate)],
    ['Resolution, median', minutes(c.resolutionMedianMinutes)],
    [
      'CSAT',
      c.csatAverage === null ? 'no answers' : `${c.csatAverage.toFixed(1)} / 5 (${c.csatResponses} answers)`,
    ],
  ]);
  heading('Ideas and requests raised');
  table([
    ['Ideas raised', String(f.ideas.raised)],
    ['Ideas shipped', String(f.ideas.shipped)],
    ['Requests for proposals received', String(f.requests.received)],
    ['Requests pitched on', String(f.requests.pitched)],
  ]);
  for (const idea of f.ideas.top)
    para(`•  ${idea.title} (${idea.votes} votes, ${idea.status.replace('_', ' ')})`);
  heading('Attributed sales');
  table([
    ['Orders', f.sales.orders.toLocaleString('en-US')],
    ['Revenue (paid, net of refunds)', money(f.sales.revenueMinor, f.sales.currency)],
  ]);
  if (f.sales.bySource.length) {
    doc.moveDown(0.4);
    chart(
      {
        grid: { left: 80, right: 70, top: 10, bottom: 20 },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: f.sales.bySource.map((s) => s.kind) },
        series: [
          {
            type: 'bar',
            data: f.sales.bySource.map((s) => s.revenueMinor / 100),
            label: { show: true, position: 'right' },
          },
        ],
      },
      Math.max(90, 30 * f.sales.bySource.length),
    );
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the bottom margin: without this PDFKit would start a page
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        printable(
          `${f.brand.name} · briefing book ${day(f.period.from)} to ${day(f.period.to)} · page ${i + 1} of ${range.count}`,
        ),
        MARGIN,
        doc.page.height - MARGIN + 10,
        { width: WIDTH, align: 'center', lineBreak: false },
      );
  }
  doc.end();
  return done;
}
