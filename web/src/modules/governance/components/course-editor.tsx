import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type CourseInput, certificationApi } from '../api/governance.api.ts';
import { useCourse } from '../hooks/use-certification.ts';

type Question = CourseInput['questions'][number];

/** The brand's own lessons and quiz: starts from the course built from its policy. */
export function CourseEditor({ handle }: { handle: string }) {
  const course = useCourse(handle);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (input: CourseInput) => certificationApi.saveCourse(handle, input),
    onSuccess: (saved) => client.setQueryData(['governance', handle, 'certification', 'course'], saved),
  });
  const [draft, setDraft] = useState<CourseInput | null>(null);
  useEffect(() => {
    if (course.data && !draft)
      setDraft({
        lessons: course.data.lessons,
        questions: course.data.questions.map((q) => ({ ...q, answer: q.answer ?? 0 })),
      });
  }, [course.data, draft]);
  if (!draft) return null;
  const setQuestion = (i: number, patch: Partial<Question>) =>
    setDraft({ ...draft, questions: draft.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  return (
    <form
      className="panel form"
      aria-labelledby="course-editor"
      data-testid="course-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <h2 id="course-editor">Edit the course</h2>
      {draft.lessons.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lessons are edited in place; their position is their identity
        <div key={`lesson-${i}`} className="course-edit-item">
          <input
            aria-label={`Lesson ${i + 1} title`}
            value={l.title}
            maxLength={120}
            onChange={(e) =>
              setDraft({
                ...draft,
                lessons: draft.lessons.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
              })
            }
          />
          <textarea
            aria-label={`Lesson ${i + 1} text`}
            rows={3}
            value={l.body}
            maxLength={4000}
            onChange={(e) =>
              setDraft({
                ...draft,
                lessons: draft.lessons.map((x, j) => (j === i ? { ...x, body: e.target.value } : x)),
              })
            }
          />
        </div>
      ))}
      {draft.questions.map((q, i) => (
        <div key={q.id} className="course-edit-item">
          <input
            aria-label={`Question ${i + 1}`}
            value={q.prompt}
            maxLength={500}
            onChange={(e) => setQuestion(i, { prompt: e.target.value })}
          />
          <textarea
            aria-label={`Question ${i + 1} choices, one a line`}
            rows={3}
            value={q.choices.join('\n')}
            onChange={(e) => setQuestion(i, { choices: e.target.value.split('\n') })}
          />
          <label className="small">
            Right answer{' '}
            <select value={q.answer} onChange={(e) => setQuestion(i, { answer: Number(e.target.value) })}>
              {q.choices.map((c, ci) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a choice is its position: the answer is stored as it
                <option key={`${q.id}-${ci}`} value={ci}>
                  {ci + 1}. {c.slice(0, 40)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ))}
      <ErrorBanner error={save.error} />
      <div className="form-actions">
        {save.isSuccess && <span role="status">Saved</span>}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save course
        </button>
      </div>
    </form>
  );
}
