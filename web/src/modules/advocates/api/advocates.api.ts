import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiQuery, ApiResponse, Items } from '../../../shared/api/types.ts';

export type AdvocatesPage = ApiResponse<'/orgs/{handle}/advocates'>;
export type Advocate = AdvocatesPage['items'][number];
export type AdvocateRun = ApiResponse<'/orgs/{handle}/advocates/runs/{id}'>;
export type AdvocateSegment = ApiResponse<'/orgs/{handle}/advocates/segments'>['items'][number];
export type AdvocateQuery = ApiQuery<'/orgs/{handle}/advocates'>;
export type SegmentBody = ApiBody<'/orgs/{handle}/advocates/segments'>;

const enc = encodeURIComponent;

export const advocatesApi = {
  list: (handle: string, query: AdvocateQuery) =>
    api<AdvocatesPage>(`/orgs/${enc(handle)}/advocates`, {
      query: { ...query, bridges: query.bridges ? 'true' : undefined },
    }),
  recompute: (handle: string) => api<AdvocateRun>(`/orgs/${enc(handle)}/advocates/runs`, { method: 'POST' }),
  segments: (handle: string) => api<Items<AdvocateSegment>>(`/orgs/${enc(handle)}/advocates/segments`),
  saveSegment: (handle: string, body: SegmentBody) =>
    api<AdvocateSegment>(`/orgs/${enc(handle)}/advocates/segments`, { method: 'POST', body }),
  deleteSegment: (handle: string, id: string) =>
    api<void>(`/orgs/${enc(handle)}/advocates/segments/${enc(id)}`, { method: 'DELETE' }),
};
