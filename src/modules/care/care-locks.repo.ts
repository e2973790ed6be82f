import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

// Advisory lock classes (the two-key form, a space of its own): one brand's inbox, one customer's thread with it.
const ORG_LOCK = 7301;
const CUSTOMER_LOCK = 7302;

/** Serialises, until commit, what must see one brand's inbox whole: creating its queues, assigning in turn. */
export async function lockOrg(db: Executor, orgId: string) {
  await sql`SELECT pg_advisory_xact_lock(${ORG_LOCK}, hashtext(${orgId}))`.execute(db);
}

/** Serialises, until commit, the messages of one customer to one brand, so two never open two conversations. */
export async function lockCustomer(db: Executor, orgId: string, customerId: string) {
  await sql`SELECT pg_advisory_xact_lock(${CUSTOMER_LOCK}, hashtext(${`${orgId}:${customerId}`}))`.execute(
    db,
  );
}
