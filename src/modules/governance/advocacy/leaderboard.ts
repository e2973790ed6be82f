// The staff leaderboard's arithmetic, apart from the database: each person's tally and the ranking.

export type SortKey = 'points' | 'reach' | 'engagement' | 'revenue';

type Share = { id: string; employee_id: string; post_id: string; followers_reached: number };
type LinkedOrder = { order_id: string; employee_id: string };
type OrderNow = { net_minor: number; currency: string };
type Engagement = { likes: number; replies: number; reshares: number };

export type Tally = {
  personId: string;
  entry: {
    shares: number;
    reach: number;
    engagement: Engagement & { total: number };
    orders: number;
    revenue: { currency: string; amountMinor: number }[];
    points: number;
  };
};

/** Each person's shares, reach, engagement on their shares, attributed orders and revenue, and points. */
export function tallyPeople(
  input: {
    shares: Share[];
    orders: LinkedOrder[];
    engagement: Map<string, Engagement>;
    now: Map<string, OrderNow>;
    points: Map<string, number>;
  },
  extra: string[] = [],
): Tally[] {
  const byPerson = new Map<string, Tally & { money: Map<string, number> }>();
  const of = (personId: string) => {
    let t = byPerson.get(personId);
    if (!t) {
      t = {
        personId,
        money: new Map(),
        entry: {
          shares: 0,
          reach: 0,
          engagement: { likes: 0, replies: 0, reshares: 0, total: 0 },
          orders: 0,
          revenue: [],
          points: 0,
        },
      };
      byPerson.set(personId, t);
    }
    return t;
  };
  for (const s of input.shares) {
    const t = of(s.employee_id);
    t.entry.shares += 1;
    t.entry.reach += s.followers_reached;
    const e = input.engagement.get(s.post_id);
    if (e) {
      t.entry.engagement.likes += e.likes;
      t.entry.engagement.replies += e.replies;
      t.entry.engagement.reshares += e.reshares;
      t.entry.engagement.total += e.likes + e.replies + e.reshares;
    }
  }
  for (const o of input.orders) {
    const now = input.now.get(o.order_id);
    if (!now) continue;
    const t = of(o.employee_id);
    if (now.net_minor > 0) t.entry.orders += 1;
    t.money.set(now.currency, (t.money.get(now.currency) ?? 0) + now.net_minor);
  }
  for (const [personId, points] of input.points) of(personId).entry.points += points;
  for (const id of extra) of(id);
  return [...byPerson.values()].map(({ money, ...t }) => ({
    ...t,
    entry: { ...t.entry, revenue: [...money].map(([currency, amountMinor]) => ({ currency, amountMinor })) },
  }));
}

const keyOf = (t: Tally, sort: SortKey) =>
  sort === 'points'
    ? t.entry.points
    : sort === 'reach'
      ? t.entry.reach
      : sort === 'engagement'
        ? t.entry.engagement.total
        : t.entry.revenue.reduce((sum, r) => sum + r.amountMinor, 0);

/** Highest first; equal figures share a place (1, 2, 2, 4), then points and id keep the order stable. */
export function rankBoard(tallies: Tally[], sort: SortKey): (Tally & { rank: number })[] {
  const sorted = [...tallies].sort(
    (a, b) =>
      keyOf(b, sort) - keyOf(a, sort) ||
      b.entry.points - a.entry.points ||
      a.personId.localeCompare(b.personId),
  );
  let rank = 0;
  return sorted.map((t, i) => {
    if (i === 0 || keyOf(t, sort) !== keyOf(sorted[i - 1]!, sort)) rank = i + 1;
    return { ...t, rank };
  });
}
