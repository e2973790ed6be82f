import type { Db, Executor } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { can, type IdentityModule } from '../../identity/index.ts';
import { governanceError } from '../governance.errors.ts';
import type { PolicyService } from '../policy.service.ts';
import * as repo from './certification.repo.ts';
import { type Course, defaultCourse } from './course-content.ts';

export type CertificationDeps = {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  policy: Pick<PolicyService, 'rulesFor'>;
  now?: () => Date;
};

const DAY_MS = 86_400_000;

/** Where a member takes the brand's course in the web app. */
export const courseUrl = (handle: string) => `/orgs/${handle}/certification`;

/**
 * Refuses a member without a valid certificate when the brand requires one (posting as the brand, a deal, a
 * public reply): 403 `certification_required` with the course's link.
 */
export async function assertCertified(
  db: Executor,
  org: { id: string; handle: string },
  userId: string,
  now = new Date(),
) {
  const settings = await repo.settings(db, org.id);
  if (!settings.required) return;
  const latest = await repo.latestCertificate(db, org.id, userId);
  if (latest && latest.expires_at > now) return;
  const why = latest
    ? `Your certificate on @${org.handle}'s social policy expired on ${latest.expires_at.toISOString().slice(0, 10)}: take the course again`
    : `@${org.handle} requires its social policy course before you post as the brand or reply in public`;
  throw governanceError('certification_required', why).withDetails({
    courseUrl: courseUrl(org.handle),
    expiredAt: latest?.expires_at.toISOString() ?? null,
  });
}

type CertificateRow = NonNullable<Awaited<ReturnType<typeof repo.findCertificate>>>;

/** The brand's course on its policy, the quiz, certificates and their public verification. */
export function createCertificationService({ db, identity, policy, ...deps }: CertificationDeps) {
  const now = deps.now ?? (() => new Date());

  async function courseOf(org: { id: string; name: string }) {
    const edited = await repo.editedCourse(db, org.id);
    if (edited) return { course: edited, custom: true };
    return { course: defaultCourse(await policy.rulesFor(org.id), org.name), custom: false };
  }

  const present = (c: CertificateRow) => ({
    id: c.id,
    scorePercent: c.score_percent,
    issuedAt: c.issued_at.toISOString(),
    expiresAt: c.expires_at.toISOString(),
    valid: c.expires_at > now(),
  });

  return {
    async settings(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'readPolicy');
      return repo.settings(db, org.id);
    },

    async saveSettings(principal: Principal, handle: string, input: repo.CertificationSettings) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      await repo.saveSettings(db, org.id, input);
      return repo.settings(db, org.id);
    },

    /** The course; answers only for those who edit it. */
    async course(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'readPolicy');
      const { course, custom } = await courseOf(org);
      const editor = can(principal, org.id, 'managePolicy');
      const { passPercent } = await repo.settings(db, org.id);
      return {
        custom,
        passPercent,
        lessons: course.lessons,
        questions: course.questions.map((q) => ({
          id: q.id,
          prompt: q.prompt,
          choices: q.choices,
          ...(editor ? { answer: q.answer } : {}),
        })),
      };
    },

    async saveCourse(principal: Principal, handle: string, course: Course) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      const ids = new Set<string>();
      for (const [i, q] of course.questions.entries()) {
        if (ids.has(q.id))
          throw governanceError('invalid_course', `Question id ${q.id} repeats`, [
            { field: `questions[${i}].id`, message: 'repeats another question’s id' },
          ]);
        ids.add(q.id);
        if (q.answer >= q.choices.length)
          throw governanceError('invalid_course', 'The answer must be one of the choices', [
            { field: `questions[${i}].answer`, message: 'is not one of its choices' },
          ]);
      }
      await repo.saveCourse(db, org.id, course, principal.userId);
      return this.course(principal, handle);
    },

    /** Back to the course built from the policy's current rules. */
    async resetCourse(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      await repo.deleteCourse(db, org.id);
      return this.course(principal, handle);
    },

    /** Marks the quiz: a pass at the brand's mark issues a certificate valid for the brand's period. */
    async attempt(principal: Principal, handle: string, answers: { questionId: string; choice: number }[]) {
      const org = await identity.orgs.requireCapability(principal, handle, 'readPolicy');
      const { course } = await courseOf(org);
      const byId = new Map(course.questions.map((q) => [q.id, q]));
      for (const [i, a] of answers.entries())
        if (!byId.has(a.questionId))
          throw governanceError(
            'unknown_question',
            `No question ${a.questionId} in @${org.handle}'s course`,
            [{ field: `answers[${i}].questionId`, message: 'is not a question of this course' }],
          );
      const given = new Map(answers.map((a) => [a.questionId, a.choice]));
      const wrong = course.questions.filter((q) => given.get(q.id) !== q.answer).map((q) => q.id);
      const total = course.questions.length;
      const scorePercent = total === 0 ? 100 : Math.floor(((total - wrong.length) * 100) / total);
      const settings = await repo.settings(db, org.id);
      const passed = scorePercent >= settings.passPercent;
      const certificate = passed
        ? await repo.insertCertificate(db, {
            orgId: org.id,
            userId: principal.userId,
            scorePercent,
            expiresAt: new Date(now().getTime() + settings.validityDays * DAY_MS),
          })
        : null;
      return {
        scorePercent,
        passPercent: settings.passPercent,
        passed,
        wrong,
        certificate: certificate ? present(certificate) : null,
      };
    },

    /** The caller's standing with the brand: whether a certificate is required and their newest one. */
    async mine(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'readPolicy');
      const settings = await repo.settings(db, org.id);
      const latest = await repo.latestCertificate(db, org.id, principal.userId);
      const certificate = latest ? present(latest) : null;
      return {
        required: settings.required,
        certified: certificate?.valid ?? false,
        courseUrl: courseUrl(org.handle),
        certificate,
      };
    },

    /** The brand's certificates with their holders, for its managers. */
    async roster(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      const rows = await repo.listCertificates(db, org.id, 200);
      const people = await identity.accounts.byIds([...new Set(rows.map((r) => r.user_id))]);
      return rows.map((r) => {
        const p = people.find((x) => x.id === r.user_id);
        return { ...present(r), holder: { handle: p?.handle ?? 'someone', name: p?.name ?? '' } };
      });
    },

    /** Anyone with the link verifies a certificate: holder, brand, dates, valid or expired, nothing else. */
    async verify(id: string) {
      const c = await repo.findCertificate(db, id);
      if (!c) throw governanceError('certificate_not_found', 'No certificate with that id');
      const people = await identity.accounts.byIds([c.user_id, c.org_id]);
      const who = (x: string) => {
        const p = people.find((a) => a.id === x);
        return { handle: p?.handle ?? 'closed account', name: p?.name ?? '' };
      };
      const { scorePercent: _score, ...shown } = present(c);
      return { ...shown, holder: who(c.user_id), brand: who(c.org_id) };
    },
  };
}

export type CertificationService = ReturnType<typeof createCertificationService>;
