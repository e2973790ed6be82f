import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiQuery, ApiResponse } from '../../../shared/api/types.ts';

export type Library = ApiResponse<'/orgs/{handle}/advocacy/library'>;
export type LibraryItem = Library['items'][number];
export type ShareInput = ApiBody<'/orgs/{handle}/advocacy/library/{postId}/shares'>;
export type Leaderboard = ApiResponse<'/orgs/{handle}/advocacy/leaderboard'>;
export type LeaderboardSort = NonNullable<ApiQuery<'/orgs/{handle}/advocacy/leaderboard'>['sort']>;
export type StaffShares = ApiResponse<'/orgs/{handle}/advocacy/shares'>;

const enc = encodeURIComponent;
const base = (handle: string) => `/orgs/${enc(handle)}/advocacy`;

export const advocacyApi = {
  library: (handle: string, topic?: string) =>
    api<Library>(`${base(handle)}/library`, { query: topic ? { topic } : {} }),
  mark: (handle: string, postId: string, input: { topic: string; caption?: string | null }) =>
    api<{ postId: string }>(`${base(handle)}/library/${enc(postId)}`, { method: 'PUT', body: input }),
  unmark: (handle: string, postId: string) =>
    api<null>(`${base(handle)}/library/${enc(postId)}`, { method: 'DELETE' }),
  share: (handle: string, postId: string, input: ShareInput) =>
    api<{ id: string; postId: string }>(`${base(handle)}/library/${enc(postId)}/shares`, {
      method: 'POST',
      body: input,
    }),
  leaderboard: (handle: string, sort: LeaderboardSort) =>
    api<Leaderboard>(`${base(handle)}/leaderboard`, { query: { sort } }),
  shares: (handle: string) => api<StaffShares>(`${base(handle)}/shares`, { query: { ledToSales: 'true' } }),
};
