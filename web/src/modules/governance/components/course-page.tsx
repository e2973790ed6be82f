import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useMe } from '../../identity/index.ts';
import { useAttempt, useCourse, useMyCertification } from '../hooks/use-certification.ts';
import { CertificationSettingsPanel } from './certification-settings-panel.tsx';
import { CourseEditor } from './course-editor.tsx';
import { POLICY_ROLES } from './governance-nav.tsx';

/** `/orgs/:handle/certification`: the brand's course on its policy, the quiz, and the member's certificate. */
export function CoursePage() {
  const { handle = '' } = useParams();
  const me = useMe().data;
  const membership = me?.memberships.find((m) => m.org.handle === handle);
  const course = useCourse(handle);
  const mine = useMyCertification(handle);
  const attempt = useAttempt(handle);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  if (!me || !membership)
    return (
      <>
        <PageHeader title="Certification" back />
        <EmptyState title={`You are not a member of @${handle}`} />
      </>
    );
  if (course.isPending) return <Loading />;
  if (course.error) return <ErrorBanner error={course.error} />;
  const editor = POLICY_ROLES.includes(membership.role);
  const result = attempt.data;
  const certificate = result?.certificate ?? mine.data?.certificate ?? null;
  return (
    <div className="policy-page course-page" data-testid="course-page">
      <PageHeader title={`${membership.org.name} · Social policy course`} />
      {certificate && (
        <section
          className={`panel certificate-status ${certificate.valid ? 'is-valid' : 'is-expired'}`}
          data-testid="my-certificate"
        >
          <p>
            {certificate.valid
              ? `Certified until ${formatDate(certificate.expiresAt)}.`
              : `Your certificate expired on ${formatDate(certificate.expiresAt)}: take the quiz again.`}{' '}
            <Link to={`/certificates/${certificate.id}`} data-testid="certificate-link">
              Public certificate
            </Link>
          </p>
        </section>
      )}
      <section className="panel" aria-labelledby="course-lessons">
        <h2 id="course-lessons">Lessons</h2>
        <ol className="course-lessons">
          {course.data.lessons.map((l) => (
            <li key={l.title}>
              <h3>{l.title}</h3>
              <p className="course-lesson-body">{l.body}</p>
            </li>
          ))}
        </ol>
      </section>
      <form
        className="panel form"
        aria-labelledby="course-quiz"
        data-testid="course-quiz"
        onSubmit={(e) => {
          e.preventDefault();
          attempt.mutate(Object.entries(answers).map(([questionId, choice]) => ({ questionId, choice })));
        }}
      >
        <h2 id="course-quiz">Quiz</h2>
        <p className="small muted">Pass mark: {course.data.passPercent}% of the answers right.</p>
        {course.data.questions.map((q, qi) => (
          <fieldset key={q.id} className="course-question" data-testid="course-question">
            <legend>
              {qi + 1}. {q.prompt}
            </legend>
            {q.choices.map((choice, ci) => (
              <label
                key={choice}
                className={result?.wrong.includes(q.id) && answers[q.id] === ci ? 'is-wrong' : ''}
              >
                <input
                  type="radio"
                  name={q.id}
                  checked={answers[q.id] === ci}
                  onChange={() => setAnswers((a) => ({ ...a, [q.id]: ci }))}
                  data-testid={`answer-${qi}-${ci}`}
                />{' '}
                {choice}
              </label>
            ))}
          </fieldset>
        ))}
        <ErrorBanner error={attempt.error} />
        {result && (
          <p role="status" data-testid="quiz-result" className={result.passed ? 'is-valid' : 'field-error'}>
            {result.passed
              ? `Passed with ${result.scorePercent}%. You may now write as @${handle}.`
              : `${result.scorePercent}%: not yet (${result.passPercent}% passes). ${result.wrong.length} answer(s) to look at again.`}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={attempt.isPending || Object.keys(answers).length === 0}
            data-testid="quiz-submit"
          >
            Hand in
          </button>
        </div>
      </form>
      {editor && <CertificationSettingsPanel handle={handle} />}
      {editor && <CourseEditor handle={handle} />}
    </div>
  );
}
