import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiQuery, ApiResponse, Items, Page, Schema } from '../../../shared/api/types.ts';

export type Idea = Schema<'Idea'>;
export type IdeaDetail = ApiResponse<'/ideas/{id}'>;
export type IdeaStatus = Idea['status'];
export type SimilarIdea = ApiResponse<'/orgs/{handle}/ideas/similar'>['items'][number];
export type IdeaComment = ApiResponse<'/ideas/{id}/comments'>['items'][number];
export type RankingItem = ApiResponse<'/orgs/{handle}/ideas/ranking'>['items'][number];
export type ReturnsItem = ApiResponse<'/orgs/{handle}/ideas/returns'>['items'][number];
export type Challenge = ApiResponse<'/challenges/{id}'>['challenge'];
export type HiddenItems = ApiResponse<'/orgs/{handle}/ideas/hidden'>;
export type HiddenKind = 'idea' | 'comment';
export type IdeaSort = NonNullable<ApiQuery<'/orgs/{handle}/ideas'>['sort']>;

const enc = encodeURIComponent;

export const STATUS_LABELS: Record<IdeaStatus, string> = {
  new: 'New',
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  declined: 'Declined',
};

export const ideasApi = {
  list: (handle: string, query: { sort: IdeaSort; status?: IdeaStatus; cursor?: string }) =>
    api<Page<Idea>>(`/orgs/${enc(handle)}/ideas`, { query }),
  similar: (handle: string, q: string) =>
    api<Items<SimilarIdea>>(`/orgs/${enc(handle)}/ideas/similar`, { query: { q } }),
  post: (handle: string, body: ApiBody<'/orgs/{handle}/ideas'>) =>
    api<Idea>(`/orgs/${enc(handle)}/ideas`, { method: 'POST', body }),
  detail: (id: string) => api<IdeaDetail>(`/ideas/${enc(id)}`),
  vote: (id: string, votes: number) =>
    api<ApiResponse<'/ideas/{id}/vote', 'put'>>(`/ideas/${enc(id)}/vote`, { method: 'PUT', body: { votes } }),
  follow: (id: string, on: boolean) =>
    api<void>(`/ideas/${enc(id)}/follow`, { method: on ? 'PUT' : 'DELETE' }),
  comments: (id: string) => api<Items<IdeaComment>>(`/ideas/${enc(id)}/comments`),
  comment: (id: string, body: string, official = false) =>
    api<IdeaComment>(`/ideas/${enc(id)}/comments`, { method: 'POST', body: { body, official } }),
  setStatus: (id: string, status: Exclude<IdeaStatus, 'shipped'>, reason?: string) =>
    api<void>(`/ideas/${enc(id)}/status`, { method: 'POST', body: { status, reason } }),
  score: (id: string, impact: number, effort: number) =>
    api<void>(`/ideas/${enc(id)}/score`, { method: 'PUT', body: { impact, effort } }),
  merge: (id: string, intoId: string) =>
    api<void>(`/ideas/${enc(id)}/merge`, { method: 'POST', body: { intoId } }),
  ship: (id: string, productIds: string[]) =>
    api<void>(`/ideas/${enc(id)}/ship`, { method: 'POST', body: { productIds } }),
  ranking: (handle: string) => api<Items<RankingItem>>(`/orgs/${enc(handle)}/ideas/ranking`),
  /** The brand's products, to pick what an idea shipped as. */
  products: (handle: string) => api<Items<Schema<'Product'>>>(`/orgs/${enc(handle)}/products`),
  challenges: (handle: string) => api<Items<Challenge>>(`/orgs/${enc(handle)}/challenges`),
  challenge: (id: string) => api<ApiResponse<'/challenges/{id}'>>(`/challenges/${enc(id)}`),
  createChallenge: (handle: string, body: ApiBody<'/orgs/{handle}/challenges'>) =>
    api<Challenge>(`/orgs/${enc(handle)}/challenges`, { method: 'POST', body }),
  postToChallenge: (id: string, body: ApiBody<'/challenges/{id}/ideas'>) =>
    api<Idea>(`/challenges/${enc(id)}/ideas`, { method: 'POST', body }),
  report: (id: string, reason: string) =>
    api<ApiResponse<'/ideas/{id}/reports', 'post'>>(`/ideas/${enc(id)}/reports`, {
      method: 'POST',
      body: { reason },
    }),
  hidden: (handle: string) => api<HiddenItems>(`/orgs/${enc(handle)}/ideas/hidden`),
  /** Shows a hidden idea or comment again (its reports cleared) or keeps it hidden for good. */
  decide: (kind: HiddenKind, id: string, decision: 'restore' | 'keep-hidden') =>
    api<void>(`/${kind === 'idea' ? 'ideas' : 'idea-comments'}/${enc(id)}/${decision}`, { method: 'POST' }),
  deleteComment: (id: string) => api<void>(`/idea-comments/${enc(id)}`, { method: 'DELETE' }),
  returns: (handle: string) => api<Items<ReturnsItem>>(`/orgs/${enc(handle)}/ideas/returns`),
};
