import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { CareIdentityLinksTable, IdentityLinkStatus } from '../care.tables.ts';

const columns = [
  'id',
  'org_id',
  'customer_id',
  'network',
  'handle',
  'url',
  'status',
  'created_at',
  'decided_at',
] as const;

export async function insertLink(db: Executor, row: Insertable<CareIdentityLinksTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('care_identity_links')
    .values(row)
    .onConflict((oc) =>
      oc
        .expression(sql`org_id, customer_id, lower(network), lower(handle)`)
        .where('status', '<>', 'removed')
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A brand's links for one customer in the given states; tenancy by org, so no brand sees another's. */
export function linksOf(db: Executor, orgId: string, customerId: string, statuses: IdentityLinkStatus[]) {
  return db
    .selectFrom('care_identity_links')
    .select(columns)
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .where('status', 'in', statuses)
    .orderBy('created_at')
    .execute();
}

/** The same identity as already proposed by this brand (pending, confirmed or declined). */
export function existingLink(
  db: Executor,
  orgId: string,
  customerId: string,
  network: string,
  handle: string,
) {
  return db
    .selectFrom('care_identity_links')
    .select(['id', 'status'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .where(sql`lower(network)`, '=', network.toLowerCase())
    .where(sql`lower(handle)`, '=', handle.toLowerCase())
    .where('status', '<>', 'removed')
    .executeTakeFirst();
}

/** Links proposed to this person, by every brand: theirs to confirm, decline or remove. */
export function linksOfPerson(db: Executor, customerId: string) {
  return db
    .selectFrom('care_identity_links')
    .select(columns)
    .where('customer_id', '=', customerId)
    .where('status', 'in', ['pending', 'confirmed'])
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

export function personLink(db: Executor, customerId: string, id: string) {
  return db
    .selectFrom('care_identity_links')
    .select(columns)
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Moves a person's link from one of `from` to `to`; false when it was not in one of those states. */
export async function setStatus(
  db: Executor,
  customerId: string,
  id: string,
  from: IdentityLinkStatus[],
  to: IdentityLinkStatus,
): Promise<boolean> {
  const r = await db
    .updateTable('care_identity_links')
    .set({ status: to, decided_at: new Date() })
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Every link proposed to this person, whatever became of it: their export of personal data. */
export function allLinksOfPerson(db: Executor, customerId: string) {
  return db
    .selectFrom('care_identity_links')
    .select(columns)
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Ends every link of a person who closes their account: no brand ties another identity to them any more. */
export async function removeLinksOfPerson(db: Executor, customerId: string): Promise<void> {
  await db
    .updateTable('care_identity_links')
    .set({ status: 'removed', decided_at: new Date() })
    .where('customer_id', '=', customerId)
    .where('status', 'in', ['pending', 'confirmed'])
    .execute();
}
