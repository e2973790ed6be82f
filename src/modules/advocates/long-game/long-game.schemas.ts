import Type from 'typebox';

const Group = Type.Object({
  customers: Type.Integer(),
  spendPerCustomer: Type.Integer({ description: 'Minor units, net of refunds' }),
  repeatRate: Type.Number({ description: 'Share of customers with two orders or more' }),
  lifetimeValue: Type.Integer({
    description: 'Mean lifetime value (spend plus the next 12 months’ estimate)',
  }),
});

const Nullable = Type.Union([Type.Number(), Type.Null()]);
const LiftCi = Type.Object({
  lift: Type.Union([Type.Number(), Type.Null()], {
    description: '0.2 is 20% more; null when the other group has 0',
  }),
  low: Type.Union([Type.Number(), Type.Null()], {
    description: '95% bootstrap interval; null with too few people',
  }),
  high: Nullable,
});
const Lifts = Type.Object({ spendPerCustomer: LiftCi, repeatRate: LiftCi, lifetimeValue: LiftCi });

export const LongGame = Type.Object({
  currency: Type.String(),
  since: Type.String({ format: 'date-time', description: 'The first cohort month shown' }),
  cohorts: Type.Array(
    Type.Object({
      month: Type.String({ description: 'YYYY-MM of the customers’ first order' }),
      engaged: Group,
      notEngaged: Group,
    }),
  ),
  engagement: Type.Object({ engaged: Group, notEngaged: Group, lift: Lifts }),
  advocacy: Type.Object({ advocates: Group, others: Group, lift: Lifts }),
});
