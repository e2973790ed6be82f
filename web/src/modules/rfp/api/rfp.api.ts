import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiResponse, Items, Page, Schema } from '../../../shared/api/types.ts';

export type RfpRequest = Schema<'RfpRequest'>;
export type Pitch = Schema<'Pitch'>;
export type RequestPage = ApiResponse<'/rfps/{id}'>;
export type QueueItem = ApiResponse<'/orgs/{handle}/rfp-queue'>['items'][number];
export type RfpReport = ApiResponse<'/orgs/{handle}/rfp-report'>;
export type NewRequest = ApiBody<'/rfps'>;
export type NewPitch = ApiBody<'/rfps/{id}/pitches'>;
export type AwardInput = ApiBody<'/pitches/{id}/award'>;
export type Quote = Schema<'Quote'>;
export type VrmItem = ApiResponse<'/orgs/{handle}/vrm-queue'>['items'][number];
export type NewQuote = ApiBody<'/orgs/{handle}/quotes'>;
export type Leaderboard = ApiResponse<'/orgs/{handle}/sales-leaderboard'>;
export type CatalogProduct = ApiResponse<'/orgs/{handle}/products'>['items'][number];

const enc = encodeURIComponent;

export const STATE_LABELS: Record<RfpRequest['state'], string> = {
  open: 'Open for pitches',
  closed: 'Closed',
  awarded: 'Awarded',
  withdrawn: 'Withdrawn',
};

export const rfpKeys = {
  all: ['rfp'] as const,
  page: (id: string) => ['rfp', 'page', id] as const,
  queue: (handle: string, status: string) => ['rfp', 'queue', handle, status] as const,
  report: (handle: string) => ['rfp', 'report', handle] as const,
  mine: ['rfp', 'mine'] as const,
  quote: (id: string) => ['rfp', 'quote', id] as const,
  vrm: (handle: string) => ['rfp', 'vrm', handle] as const,
  leaderboard: (handle: string, month: string) => ['rfp', 'leaderboard', handle, month] as const,
};

export const rfpApi = {
  create: (body: NewRequest) => api<RfpRequest>('/rfps', { method: 'POST', body }),
  mine: () => api<Items<RfpRequest>>('/rfps/mine'),
  page: (id: string) => api<RequestPage>(`/rfps/${enc(id)}`),
  withdraw: (id: string) => api<RfpRequest>(`/rfps/${enc(id)}/withdraw`, { method: 'POST' }),
  pitch: (id: string, body: NewPitch) => api<Pitch>(`/rfps/${enc(id)}/pitches`, { method: 'POST', body }),
  withdrawPitch: (id: string) => api<Pitch>(`/pitches/${enc(id)}/withdraw`, { method: 'POST' }),
  shortlist: (id: string, shortlisted: boolean) =>
    api<Pitch>(`/pitches/${enc(id)}/shortlist`, { method: 'POST', body: { shortlisted } }),
  decline: (id: string, reason: string) =>
    api<Pitch>(`/pitches/${enc(id)}/decline`, { method: 'POST', body: { reason } }),
  award: (id: string, body: AwardInput, key: string) =>
    api<ApiResponse<'/pitches/{id}/award', 'post'>>(`/pitches/${enc(id)}/award`, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key },
    }),
  queue: (handle: string, status: 'open' | 'all') =>
    api<Page<QueueItem>>(`/orgs/${enc(handle)}/rfp-queue`, { query: { status } }),
  report: (handle: string) => api<RfpReport>(`/orgs/${enc(handle)}/rfp-report`),
  inviteToDm: (id: string, brand: string) =>
    api<ApiResponse<'/rfps/{id}/dm-invitations', 'post'>>(`/rfps/${enc(id)}/dm-invitations`, {
      method: 'POST',
      body: { brand },
    }),
  answerDm: (id: string, brand: string, accept: boolean) =>
    api<ApiResponse<'/rfps/{id}/dm-answer', 'post'>>(`/rfps/${enc(id)}/dm-answer`, {
      method: 'POST',
      body: { brand, accept },
    }),
  vrmQueue: (handle: string) =>
    api<ApiResponse<'/orgs/{handle}/vrm-queue'>>(`/orgs/${enc(handle)}/vrm-queue`),
  createQuote: (handle: string, body: NewQuote) =>
    api<Quote>(`/orgs/${enc(handle)}/quotes`, { method: 'POST', body }),
  quote: (id: string) => api<Quote>(`/quotes/${enc(id)}`),
  acceptQuote: (id: string, body: AwardInput, key: string) =>
    api<ApiResponse<'/quotes/{id}/accept', 'post'>>(`/quotes/${enc(id)}/accept`, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key },
    }),
  declineQuote: (id: string) => api<Quote>(`/quotes/${enc(id)}/decline`, { method: 'POST' }),
  leaderboard: (handle: string, month: string) =>
    api<Leaderboard>(`/orgs/${enc(handle)}/sales-leaderboard`, { query: { month } }),
  products: (handle: string) => api<Items<CatalogProduct>>(`/orgs/${enc(handle)}/products`),
};
