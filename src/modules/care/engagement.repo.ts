import type { Executor } from '../../platform/db/database.ts';

/** Each customer's first conversation with the brand's care team, for cohort analysis. */
export function firstContacts(db: Executor, orgId: string) {
  return db
    .selectFrom('care_conversations')
    .select(['customer_id as account_id'])
    .select((eb) => eb.fn.min('opened_at').as('first_at'))
    .where('org_id', '=', orgId)
    .groupBy('customer_id')
    .execute() as Promise<{ account_id: string; first_at: Date }[]>;
}
