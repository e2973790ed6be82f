import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { HandleParam } from '../../identity/index.ts';
import { tags } from '../governance.schemas.ts';
import {
  AttemptInput,
  AttemptResult,
  CertificateParams,
  CertificationSettings,
  CourseInput,
  CourseView,
  MyCertification,
  PublicCertificate,
  Roster,
} from './certification.schemas.ts';
import type { CertificationService } from './certification.service.ts';

/** The brand's course on its policy, the quiz, its certificates and their public verification. */
export function certificationRoutes(cert: CertificationService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const base = '/orgs/:handle/certification';

    app.get(
      `${base}/settings`,
      {
        schema: {
          tags,
          summary: 'Whether certification is required, how long it lasts, the pass mark',
          params: HandleParam,
          response: { 200: CertificationSettings },
        },
      },
      async (request) => cert.settings(requireUser(request), request.params.handle),
    );

    app.put(
      `${base}/settings`,
      {
        schema: {
          tags,
          summary: 'Require certification, set its validity and pass mark',
          params: HandleParam,
          body: CertificationSettings,
          response: { 200: CertificationSettings },
        },
      },
      async (request) => cert.saveSettings(requireUser(request), request.params.handle, request.body),
    );

    app.get(
      `${base}/course`,
      {
        schema: {
          tags,
          summary: 'The course: lessons and quiz (built from the policy until the brand edits it)',
          params: HandleParam,
          response: { 200: CourseView },
        },
      },
      async (request) => cert.course(requireUser(request), request.params.handle),
    );

    app.put(
      `${base}/course`,
      {
        schema: {
          tags,
          summary: 'Replace the course with the brand’s own lessons and quiz',
          params: HandleParam,
          body: CourseInput,
          response: { 200: CourseView },
        },
      },
      async (request) => cert.saveCourse(requireUser(request), request.params.handle, request.body),
    );

    app.delete(
      `${base}/course`,
      {
        schema: {
          tags,
          summary: 'Go back to the course built from the policy',
          params: HandleParam,
          response: { 200: CourseView },
        },
      },
      async (request) => cert.resetCourse(requireUser(request), request.params.handle),
    );

    app.post(
      `${base}/attempts`,
      {
        schema: {
          tags,
          summary: 'Answer the quiz: a pass issues a certificate',
          params: HandleParam,
          body: AttemptInput,
          response: { 200: AttemptResult },
        },
        config: writeLimit(30),
      },
      async (request) => cert.attempt(requireUser(request), request.params.handle, request.body.answers),
    );

    app.get(
      `${base}/me`,
      {
        schema: {
          tags,
          summary: 'Whether the caller must be certified, and their newest certificate',
          params: HandleParam,
          response: { 200: MyCertification },
        },
      },
      async (request) => cert.mine(requireUser(request), request.params.handle),
    );

    app.get(
      `${base}/certificates`,
      {
        schema: {
          tags,
          summary: 'The brand’s certificates and their holders',
          params: HandleParam,
          response: { 200: Roster },
        },
      },
      async (request) => ({ items: await cert.roster(requireUser(request), request.params.handle) }),
    );

    app.get(
      '/certificates/:id',
      {
        schema: {
          tags,
          summary: 'Verify a certificate: holder, brand, dates, valid or expired (public)',
          params: CertificateParams,
          response: { 200: PublicCertificate },
        },
      },
      async (request) => cert.verify(request.params.id),
    );
  };
}
