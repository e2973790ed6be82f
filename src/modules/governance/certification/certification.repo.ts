import { type Executor, ownTables } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import type { GovernanceTables } from '../governance.tables.ts';
import type { Course } from './course-content.ts';

const own = (db: Executor) => ownTables<GovernanceTables>(db);

export type CertificationSettings = { required: boolean; validityDays: number; passPercent: number };
export const DEFAULT_CERTIFICATION: CertificationSettings = {
  required: false,
  validityDays: 365,
  passPercent: 80,
};

export async function settings(db: Executor, orgId: string): Promise<CertificationSettings> {
  const row = await own(db)
    .selectFrom('governance_certification_settings')
    .select(['required', 'validity_days', 'pass_percent'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row
    ? { required: row.required, validityDays: row.validity_days, passPercent: row.pass_percent }
    : DEFAULT_CERTIFICATION;
}

export async function saveSettings(db: Executor, orgId: string, s: CertificationSettings) {
  const values = { required: s.required, validity_days: s.validityDays, pass_percent: s.passPercent };
  await own(db)
    .insertInto('governance_certification_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

export async function editedCourse(db: Executor, orgId: string): Promise<Course | undefined> {
  const row = await own(db)
    .selectFrom('governance_courses')
    .select('course')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.course as Course | undefined;
}

export async function saveCourse(db: Executor, orgId: string, course: Course, by: string) {
  const values = { course: JSON.stringify(course), updated_by: by };
  await own(db)
    .insertInto('governance_courses')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

export async function deleteCourse(db: Executor, orgId: string) {
  await own(db).deleteFrom('governance_courses').where('org_id', '=', orgId).execute();
}

export async function insertCertificate(
  db: Executor,
  c: { orgId: string; userId: string; scorePercent: number; expiresAt: Date },
) {
  return own(db)
    .insertInto('governance_certificates')
    .values({
      id: newId(),
      org_id: c.orgId,
      user_id: c.userId,
      score_percent: c.scorePercent,
      expires_at: c.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The member's newest certificate with the brand (valid or expired). */
export async function latestCertificate(db: Executor, orgId: string, userId: string) {
  return own(db)
    .selectFrom('governance_certificates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findCertificate(db: Executor, id: string) {
  return own(db).selectFrom('governance_certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The brand's certificates, newest first (the roster managers see). */
export async function listCertificates(db: Executor, orgId: string, limit: number) {
  return own(db)
    .selectFrom('governance_certificates')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('issued_at', 'desc')
    .limit(limit)
    .execute();
}
