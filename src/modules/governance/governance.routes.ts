import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { PageQuery, pageOf } from '../../platform/http/pagination.ts';
import { noContent } from '../../platform/http/responses.ts';
import { HandleParam } from '../identity/index.ts';
import {
  AuditEntry,
  AuditFilter,
  LintBody,
  LintResponse,
  Rule,
  RuleInput,
  RuleParams,
  tags,
} from './governance.schemas.ts';
import type { PolicyService } from './policy.service.ts';

/** The brand's policy: its rules, the composer's lint and the audit log of blocks and overrides. */
export function governanceRoutes(policy: PolicyService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/policy/rules',
      {
        schema: {
          tags,
          summary: 'The brand’s policy rules (the defaults until the brand edits them)',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Rule) }) },
        },
      },
      async (request) => ({ items: await policy.rules(requireUser(request), request.params.handle) }),
    );

    app.post(
      '/orgs/:handle/policy/rules',
      {
        schema: {
          tags,
          summary: 'Add a rule (owners, admins, marketers); a pattern must be valid RE2',
          params: HandleParam,
          body: RuleInput,
          response: { 201: Rule },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await policy.addRule(requireUser(request), request.params.handle, request.body)),
    );

    app.put(
      '/orgs/:handle/policy/rules/:ruleId',
      {
        schema: {
          tags,
          summary: 'Replace a rule',
          params: RuleParams,
          body: RuleInput,
          response: { 200: Rule },
        },
      },
      async (request) =>
        policy.updateRule(requireUser(request), request.params.handle, request.params.ruleId, request.body),
    );

    app.delete(
      '/orgs/:handle/policy/rules/:ruleId',
      { schema: { tags, summary: 'Remove a rule', params: RuleParams, response: noContent } },
      async (request, reply) => {
        await policy.deleteRule(requireUser(request), request.params.handle, request.params.ruleId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/orgs/:handle/policy/lint',
      {
        schema: {
          tags,
          summary: 'Lint a draft against the brand’s policy (the composer calls this as the writer types)',
          params: HandleParam,
          body: LintBody,
          response: { 200: LintResponse },
        },
      },
      async (request) =>
        policy.lint(
          requireUser(request),
          request.params.handle,
          request.body.text,
          request.body.channel,
          request.body.aboutBrand,
        ),
    );

    app.get(
      '/orgs/:handle/policy/audit',
      {
        schema: {
          tags,
          summary: 'Blocked drafts and overridden warnings, newest first',
          params: HandleParam,
          querystring: Type.Object(
            { ...PageQuery.properties, ...AuditFilter },
            { additionalProperties: false },
          ),
          response: { 200: pageOf(AuditEntry) },
        },
      },
      async (request) =>
        policy.audit(
          requireUser(request),
          request.params.handle,
          request.query.limit ?? 20,
          request.query.cursor,
          { action: request.query.action, channel: request.query.channel },
        ),
    );

    app.get(
      '/orgs/:handle/policy/audit.csv',
      {
        schema: {
          tags,
          summary: 'The whole audit log as CSV',
          params: HandleParam,
          querystring: Type.Object(AuditFilter, { additionalProperties: false }),
          produces: ['text/csv'],
          response: {
            200: Type.String({
              description: 'CSV: created_at, action, channel, actor_id, rules, reason, text',
            }),
          },
        },
      },
      async (request, reply) => {
        const entries = await policy.auditAll(requireUser(request), request.params.handle, {
          action: request.query.action,
          channel: request.query.channel,
        });
        const csv = stringify(
          entries.map((e) => [
            e.createdAt,
            e.action,
            e.channel,
            e.actorId,
            e.ruleIds.join(' '),
            e.reason ?? '',
            e.text,
          ]),
          {
            header: true,
            columns: ['created_at', 'action', 'channel', 'actor_id', 'rules', 'reason', 'text'],
          },
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="policy-audit-${request.params.handle}.csv"`)
          .send(csv);
      },
    );
  };
}
