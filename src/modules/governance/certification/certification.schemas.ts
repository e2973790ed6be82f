import Type, { type Static } from 'typebox';

export const CertificationSettings = Type.Object(
  {
    required: Type.Boolean({
      description: 'Only members with a valid certificate may post as the brand or reply in public in care',
    }),
    validityDays: Type.Integer({ minimum: 1, maximum: 1095, description: 'How long a certificate lasts' }),
    passPercent: Type.Integer({ minimum: 1, maximum: 100, description: 'The quiz score that passes' }),
  },
  { additionalProperties: false },
);

const Lesson = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    body: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
const QuestionId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$', description: 'Stable within the course' });
const Choices = Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { minItems: 2, maxItems: 6 });

export const CourseInput = Type.Object(
  {
    lessons: Type.Array(Lesson, { minItems: 1, maxItems: 20 }),
    questions: Type.Array(
      Type.Object(
        {
          id: QuestionId,
          prompt: Type.String({ minLength: 1, maxLength: 500 }),
          choices: Choices,
          answer: Type.Integer({ minimum: 0, maximum: 5, description: 'Index of the right choice' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);
export type CourseInput = Static<typeof CourseInput>;

export const CourseView = Type.Object({
  custom: Type.Boolean({ description: 'false: built from the brand’s current policy rules' }),
  passPercent: Type.Integer(),
  lessons: Type.Array(Type.Object({ title: Type.String(), body: Type.String() })),
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      prompt: Type.String(),
      choices: Type.Array(Type.String()),
      answer: Type.Optional(Type.Integer({ description: 'Only for those who edit the course' })),
    }),
  ),
});

export const AttemptInput = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        { questionId: QuestionId, choice: Type.Integer({ minimum: 0, maximum: 5 }) },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);

const Certificate = Type.Object({
  id: Type.String({ format: 'uuid' }),
  scorePercent: Type.Integer(),
  issuedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  valid: Type.Boolean(),
});

export const AttemptResult = Type.Object({
  scorePercent: Type.Integer(),
  passPercent: Type.Integer(),
  passed: Type.Boolean(),
  wrong: Type.Array(Type.String(), { description: 'Questions answered wrongly or not at all' }),
  certificate: Type.Union([Certificate, Type.Null()]),
});

export const MyCertification = Type.Object({
  required: Type.Boolean(),
  certified: Type.Boolean({ description: 'Holds a certificate that has not expired' }),
  courseUrl: Type.String({ description: 'The course in the web app' }),
  certificate: Type.Union([Certificate, Type.Null()]),
});

const Party = Type.Object({ handle: Type.String(), name: Type.String() });

export const Roster = Type.Object({
  items: Type.Array(Type.Object({ ...Certificate.properties, holder: Party })),
});

export const PublicCertificate = Type.Object({
  id: Type.String(),
  holder: Party,
  brand: Party,
  issuedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  valid: Type.Boolean(),
});

export const CertificateParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
