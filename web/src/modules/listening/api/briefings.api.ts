import { api } from '../../../shared/api/client.ts';
import type { ApiResponse } from '../../../shared/api/types.ts';

export type BriefingItem = ApiResponse<'/orgs/{handle}/listening/briefings'>['items'][number];
export type Briefing = ApiResponse<'/orgs/{handle}/listening/briefings/{id}'>;
export type BriefingFigures = Briefing['figures'];

const base = (handle: string) => `/orgs/${encodeURIComponent(handle)}/listening/briefings`;

export const briefingsApi = {
  list: (handle: string) => api<{ items: BriefingItem[] }>(base(handle)),
  get: (handle: string, id: string) => api<Briefing>(`${base(handle)}/${encodeURIComponent(id)}`),
  create: (handle: string, period: { from?: string; to?: string }) =>
    api<Briefing>(base(handle), { method: 'POST', body: period }),
};
