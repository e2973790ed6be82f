import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import { BrandRanking, RankingPage, RankingProfile, RankingQuery } from './ranking.schemas.ts';
import { INDUSTRIES, type Industry, RANKING_METHOD, type RankingService } from './ranking.service.ts';

const tags = ['care'];
type Entry = Awaited<ReturnType<RankingService['ranking']>>[number];
const present = ({ brandId: _id, ...e }: Entry) => e;

/** The public service-quality ranking (no sign-in) and the brand's choice of industry. */
export function rankingRoutes(ranking: RankingService) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/service-ranking',
      {
        schema: {
          tags,
          summary:
            'Public: brands ranked within their industry by how well they serve customers on social, and how the score is computed',
          querystring: RankingQuery,
          response: { 200: RankingPage },
        },
      },
      async (request) => {
        const entries = await ranking.ranking(request.query.industry);
        const industries = [...new Set(entries.map((e) => e.industry))];
        return {
          industries: industries.map((industry) => ({
            industry,
            label: INDUSTRIES[industry as Industry] ?? industry,
            brands: entries.filter((e) => e.industry === industry).map(present),
          })),
          method: RANKING_METHOD,
        };
      },
    );
    app.get(
      '/service-ranking/brands/:handle',
      {
        schema: {
          tags,
          summary: 'Public: one brand’s service-quality score, its rank and the inputs of the formula',
          params: HandleParam,
          response: { 200: BrandRanking },
        },
      },
      async (request) => {
        const b = await ranking.brand(request.params.handle);
        return { ...b, entry: b.entry ? present(b.entry) : null, method: RANKING_METHOD };
      },
    );
    app.get(
      '/orgs/:handle/care/ranking-profile',
      {
        schema: {
          tags,
          summary: 'The industry the brand is ranked in',
          params: HandleParam,
          response: { 200: RankingProfile },
        },
      },
      async (request) => ({
        industry: (await ranking.industryOf(requireUser(request), request.params.handle)) as Industry,
      }),
    );
    app.put(
      '/orgs/:handle/care/ranking-profile',
      {
        schema: {
          tags,
          summary: 'Choose the industry the brand is ranked in (owners and admins)',
          params: HandleParam,
          body: RankingProfile,
          response: { 200: RankingProfile },
        },
      },
      async (request) => ({
        industry: await ranking.setIndustry(
          requireUser(request),
          request.params.handle,
          request.body.industry,
        ),
      }),
    );
  };
}
