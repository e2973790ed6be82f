import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiResponse } from '../../../shared/api/types.ts';

export type Rule = ApiResponse<'/orgs/{handle}/listening/rules/{id}'>;
export type RuleInput = ApiBody<'/orgs/{handle}/listening/rules'>;
export type RuleChange = ApiBody<'/orgs/{handle}/listening/rules/{id}', 'patch'>;

const base = (handle: string) => `/orgs/${encodeURIComponent(handle)}/listening/rules`;

export const rulesApi = {
  list: (handle: string) => api<{ items: Rule[] }>(base(handle)),
  add: (handle: string, body: RuleInput) => api<Rule>(base(handle), { method: 'POST', body }),
  change: (handle: string, id: string, body: RuleChange) =>
    api<Rule>(`${base(handle)}/${id}`, { method: 'PATCH', body }),
  remove: (handle: string, id: string) => api<null>(`${base(handle)}/${id}`, { method: 'DELETE' }),
};
