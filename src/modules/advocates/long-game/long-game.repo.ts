import type { Executor } from '../../../platform/db/database.ts';

/** People with a positive earned contribution to the brand (its advocates, by the ledger), with the first one's time. */
export function contributors(db: Executor, orgId: string) {
  return db
    .selectFrom('contribution_ledger')
    .select('account_id')
    .select((eb) => eb.fn.min('created_at').as('first_at'))
    .where('org_id', '=', orgId)
    .groupBy('account_id')
    .having((eb) => eb.fn.sum('points'), '>', 0)
    .execute() as Promise<{ account_id: string; first_at: Date }[]>;
}
