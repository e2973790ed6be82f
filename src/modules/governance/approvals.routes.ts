import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { HandleParam } from '../identity/index.ts';
import type { ApprovalsService } from './approvals.service.ts';
import {
  ApprovalSettings,
  ApprovalSettingsInput,
  CareReplyDraftInput,
  DealDraftInput,
  Draft,
  DraftInput,
  DraftParams,
  ReviewInput,
  tags,
} from './governance.schemas.ts';

/** Approvals and scheduled publishing of posts as the brand, deals and public care replies. */
export function approvalsRoutes(approvals: ApprovalsService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/approvals/settings',
      {
        schema: {
          tags,
          summary:
            'Which roles need approval to post as the brand, publish a deal or reply in public, and how many approvers',
          params: HandleParam,
          response: { 200: ApprovalSettings },
        },
      },
      async (request) => approvals.settings(requireUser(request), request.params.handle),
    );

    app.put(
      '/orgs/:handle/approvals/settings',
      {
        schema: {
          tags,
          summary: 'Set the roles that need approval and the number of approvers (1–3)',
          params: HandleParam,
          body: ApprovalSettingsInput,
          response: { 200: ApprovalSettings },
        },
      },
      async (request) => approvals.saveSettings(requireUser(request), request.params.handle, request.body),
    );

    app.get(
      '/orgs/:handle/approvals/drafts',
      {
        schema: {
          tags,
          summary: 'The approvals queue: open drafts, then the latest decided ones',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Draft) }) },
        },
      },
      async (request) => approvals.list(requireUser(request), request.params.handle),
    );

    app.post(
      '/orgs/:handle/approvals/drafts',
      {
        schema: {
          tags,
          summary:
            'Submit a post as the brand for approval and/or for a time (checked against the policy now)',
          params: HandleParam,
          body: DraftInput,
          response: { 201: Draft },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await approvals.submit(requireUser(request), request.params.handle, request.body)),
    );

    app.post(
      '/orgs/:handle/approvals/deals',
      {
        schema: {
          tags,
          summary:
            'Submit a deal for approval and/or for a time (checked now: terms, catalog, channel guard, policy)',
          params: HandleParam,
          body: DealDraftInput,
          response: { 201: Draft },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await approvals.submitDeal(requireUser(request), request.params.handle, request.body)),
    );

    app.post(
      '/orgs/:handle/approvals/care-replies',
      {
        schema: {
          tags,
          summary: 'Submit a public reply in a care conversation for approval and/or for a time',
          params: HandleParam,
          body: CareReplyDraftInput,
          response: { 201: Draft },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await approvals.submitCareReply(requireUser(request), request.params.handle, request.body)),
    );

    app.put(
      '/orgs/:handle/approvals/drafts/:draftId',
      {
        schema: {
          tags,
          summary: 'Revise one’s draft after a request for changes (it needs fresh approvals)',
          params: DraftParams,
          body: DraftInput,
          response: { 200: Draft },
        },
      },
      async (request) =>
        approvals.revise(requireUser(request), request.params.handle, request.params.draftId, request.body),
    );

    app.post(
      '/orgs/:handle/approvals/drafts/:draftId/reviews',
      {
        schema: {
          tags,
          summary: 'Approve, reject or request changes, with a comment (never one’s own draft)',
          params: DraftParams,
          body: ReviewInput,
          response: { 200: Draft },
        },
      },
      async (request) =>
        approvals.review(requireUser(request), request.params.handle, request.params.draftId, request.body),
    );

    app.post(
      '/orgs/:handle/approvals/drafts/:draftId/publish',
      {
        schema: {
          tags,
          summary: 'Publish an approved draft now instead of at its time',
          params: DraftParams,
          response: { 200: Draft },
        },
      },
      async (request) =>
        approvals.publishNow(requireUser(request), request.params.handle, request.params.draftId),
    );
  };
}
