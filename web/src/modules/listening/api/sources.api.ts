import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiResponse } from '../../../shared/api/types.ts';

export type Source = ApiResponse<'/orgs/{handle}/listening/sources/{id}'>;
export type SourceInput = ApiBody<'/orgs/{handle}/listening/sources'>;

const base = (handle: string) => `/orgs/${encodeURIComponent(handle)}/listening/sources`;

export const sourcesApi = {
  list: (handle: string) => api<{ items: Source[] }>(base(handle)),
  add: (handle: string, body: SourceInput) => api<Source>(base(handle), { method: 'POST', body }),
  setEnabled: (handle: string, id: string, enabled: boolean) =>
    api<Source>(`${base(handle)}/${id}`, { method: 'PATCH', body: { enabled } }),
  poll: (handle: string, id: string) => api<Source>(`${base(handle)}/${id}/poll`, { method: 'POST' }),
  remove: (handle: string, id: string) => api<null>(`${base(handle)}/${id}`, { method: 'DELETE' }),
};
