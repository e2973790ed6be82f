import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import {
  BrandReferral,
  BrandReferralsPage,
  MyContributions,
  MyContributionsQuery,
  MyReferralsPage,
  MyReferralsQuery,
  OrgReferralParams,
  PointsRules,
  PointsRulesBody,
  ReferralSettings,
  ReferralsQuery,
  ReviewBody,
  tags,
} from './referrals.schemas.ts';
import type { ReferralsService } from './referrals.service.ts';

/** Referrals (the brand's review queue, the person's own) and the contribution ledger's rules and points. */
export function referralsRoutes(service: ReferralsService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/referrals',
      {
        schema: {
          tags,
          summary: 'Referred orders of this brand, newest first; `status=flagged` is the review queue',
          params: HandleParam,
          querystring: ReferralsQuery,
          response: { 200: BrandReferralsPage },
        },
      },
      async (request) => service.list(requireUser(request), request.params.handle, request.query),
    );

    app.post(
      '/orgs/:handle/referrals/:id/review',
      {
        schema: {
          tags,
          summary: 'Approve a flagged referral (earned after its hold) or reject it, with a reason',
          params: OrgReferralParams,
          body: ReviewBody,
          response: { 200: BrandReferral },
        },
      },
      async (request) =>
        service.review(requireUser(request), request.params.handle, request.params.id, request.body),
    );

    app.get(
      '/orgs/:handle/referral-settings',
      {
        schema: {
          tags,
          summary: 'The brand’s referral rules',
          params: HandleParam,
          response: { 200: ReferralSettings },
        },
      },
      async (request) => service.settings(requireUser(request), request.params.handle),
    );

    app.put(
      '/orgs/:handle/referral-settings',
      {
        schema: {
          tags,
          summary: 'Set the hold period and when a code used by strangers is flagged',
          params: HandleParam,
          body: ReferralSettings,
          response: { 200: ReferralSettings },
        },
      },
      async (request) => service.saveSettings(requireUser(request), request.params.handle, request.body),
    );

    app.get(
      '/orgs/:handle/points-rules',
      {
        schema: {
          tags,
          summary: 'Points per contribution',
          params: HandleParam,
          response: { 200: PointsRules },
        },
      },
      async (request) => service.rules(requireUser(request), request.params.handle),
    );

    app.put(
      '/orgs/:handle/points-rules',
      {
        schema: {
          tags,
          summary: 'Set points per contribution (a negative award is refused)',
          params: HandleParam,
          body: PointsRulesBody,
          response: { 200: PointsRules },
        },
      },
      async (request) => service.saveRules(requireUser(request), request.params.handle, request.body),
    );

    app.get(
      '/me/referrals',
      {
        schema: {
          tags,
          summary: 'My referral code and the orders it brought, with their state',
          querystring: MyReferralsQuery,
          response: { 200: MyReferralsPage },
        },
      },
      async (request) => service.mine(requireUser(request), request.query),
    );

    app.get(
      '/me/contributions',
      {
        schema: {
          tags,
          summary: 'My points per brand and how each was earned',
          querystring: MyContributionsQuery,
          response: { 200: MyContributions },
        },
      },
      async (request) => service.contributions(requireUser(request), request.query),
    );
  };
}
