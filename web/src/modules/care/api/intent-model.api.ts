import { api } from '../../../shared/api/client.ts';
import type { ApiResponse } from '../../../shared/api/types.ts';

export type IntentModelStatus = ApiResponse<'/orgs/{handle}/care/intent-model'>;

/** How a brand's last retrain measured (see the care triage README). */
export type IntentModelMetrics = NonNullable<IntentModelStatus['model']>['metrics'];

const path = (handle: string) => `/orgs/${encodeURIComponent(handle)}/care/intent-model`;

export const intentModelApi = {
  status: (handle: string) => api<IntentModelStatus>(path(handle)),
  retrain: (handle: string) => api<IntentModelStatus>(`${path(handle)}/retrain`, { method: 'POST' }),
};
