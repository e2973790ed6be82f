import type { BriefingFigures } from './briefings.schemas.ts';

type Figures = Omit<BriefingFigures, 'summary'>;

const n = (v: number) => v.toLocaleString('en-US');
const pct = (v: number) => `${Math.round(v * 100)}%`;
const minutes = (m: number) =>
  m < 90
    ? `${Math.round(m)} minutes`
    : m < 48 * 60
      ? `${(m / 60).toFixed(1)} hours`
      : `${(m / 1440).toFixed(1)} days`;
const mood = (s: number) => (s > 0.1 ? 'positive' : s < -0.1 ? 'negative' : 'neutral');
export const money = (minor: number, currency: string | null) =>
  `${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency ?? ''}`.trim();

function change(now: number, before: number) {
  if (before === 0) return now === 0 ? 'no change' : 'up from none';
  const r = (now - before) / before;
  if (Math.abs(r) < 0.05) return 'about level with the period before';
  return `${r > 0 ? 'up' : 'down'} ${pct(Math.abs(r))} on the period before`;
}

/** The executive summary: template sentences written from the figures, strongest news first. */
export function writeSummary(f: Figures): string[] {
  const out: string[] = [];
  const v = f.volume;
  out.push(
    `${f.brand.name} was mentioned ${n(v.mentions)} times, ${change(v.mentions, v.previousMentions)} (${n(v.previousMentions)}).`,
  );
  if (v.mentions > 0) {
    const s = f.sentiment;
    const moved = s.average - s.previousAverage;
    out.push(
      `Sentiment was ${mood(s.average)} on average (${s.average.toFixed(2)} on a −1 to 1 scale, ${moved >= 0 ? 'up' : 'down'} ${Math.abs(moved).toFixed(2)}): ${pct(s.positive / v.mentions)} of mentions positive, ${pct(s.negative / v.mentions)} negative.`,
    );
    if (s.negativeDrivers.length)
      out.push(
        `Negative mentions were driven by ${s.negativeDrivers
          .slice(0, 3)
          .map((d) => `“${d.key}”`)
          .join(', ')}.`,
      );
  }
  const own = f.shareOfVoice.filter((x) => x.kind === 'brand');
  const rivals = f.shareOfVoice.filter((x) => x.kind === 'competitor').sort((a, b) => b.count - a.count);
  if (own.length && rivals.length) {
    const share = own.reduce((a, b) => a + b.share, 0);
    const leader = rivals[0];
    out.push(
      share >= leader.share
        ? `${f.brand.name} led the conversation with ${pct(share)} share of voice; ${leader.name} followed with ${pct(leader.share)}.`
        : `${leader.name} out-talked ${f.brand.name}: ${pct(leader.share)} share of voice against ${pct(share)}.`,
    );
  }
  if (f.spikes.length) {
    const top = [...f.spikes].sort(
      (a, b) => b.observed / (b.expected || 1) - a.observed / (a.expected || 1),
    )[0];
    const why = top.causes.length ? `, driven by ${top.causes.slice(0, 3).join(', ')}` : '';
    out.push(
      `${f.spikes.length === 1 ? 'One spike' : `${f.spikes.length} spikes`} stood out; the largest, on ${top.topicName} (${n(top.observed)} mentions against ${top.expected.toFixed(0)} expected)${why}.`,
    );
  } else out.push('No spike stood out from the usual weekly rhythm.');
  const c = f.care;
  if (c.conversations > 0) {
    const parts = [`${n(c.conversations)} care conversations were opened`];
    if (c.firstResponseMedianMinutes !== null)
      parts.push(`answered in a median of ${minutes(c.firstResponseMedianMinutes)}`);
    if (c.resolutionRate !== null) parts.push(`${pct(c.resolutionRate)} resolved`);
    let sentence = `${parts.join(', ')}.`;
    if (c.csatAverage !== null)
      sentence += ` Customers rated the care ${c.csatAverage.toFixed(1)} out of 5 (${n(c.csatResponses)} answers).`;
    out.push(sentence);
  } else out.push('No care conversation was opened.');
  if (f.ideas.raised || f.requests.received)
    out.push(
      `Customers raised ${n(f.ideas.raised)} ideas (${n(f.ideas.shipped)} shipped) and sent ${n(f.requests.received)} requests for proposals (${n(f.requests.pitched)} pitched).`,
    );
  const s = f.sales;
  if (s.orders > 0) {
    const social = s.bySource.filter((x) => x.kind !== 'direct');
    const socialRevenue = social.reduce((a, b) => a + b.revenueMinor, 0);
    out.push(
      `Sales reached ${money(s.revenueMinor, s.currency)} from ${n(s.orders)} orders; ${money(socialRevenue, s.currency)} of it came from posts, reshares and referrals.`,
    );
  } else out.push('No order was placed in the period.');
  return out;
}
