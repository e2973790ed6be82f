import { api } from '../../../shared/api/client.ts';
import type { ApiResponse } from '../../../shared/api/types.ts';

export type RankingPage = ApiResponse<'/service-ranking'>;
export type RankingEntry = RankingPage['industries'][number]['brands'][number];
export type BrandRanking = ApiResponse<'/service-ranking/brands/{handle}'>;

export const rankingApi = {
  ranking: () => api<RankingPage>('/service-ranking'),
  brand: (handle: string) => api<BrandRanking>(`/service-ranking/brands/${encodeURIComponent(handle)}`),
};
