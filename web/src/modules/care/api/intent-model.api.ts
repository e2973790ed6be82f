import { api } from '../../../shared/api/client.ts';

/** How a brand's last retrain measured (see the care triage README). */
export type IntentModelMetrics = {
  correctionsUsed: number;
  evaluation: 'held_out' | 'training_fit';
  evaluatedOn: number;
  correctionsBefore: number;
  correctionsAfter: number;
  guard: { set: string; size: number; shipped: number; brand: number };
};

export type IntentModelStatus = {
  using: 'brand' | 'shipped';
  correctionsAvailable: number;
  model: { trainedAt: string; correctionsUsed: number; current: boolean; metrics: IntentModelMetrics } | null;
};

const path = (handle: string) => `/orgs/${encodeURIComponent(handle)}/care/intent-model`;

export const intentModelApi = {
  status: (handle: string) => api<IntentModelStatus>(path(handle)),
  retrain: (handle: string) => api<IntentModelStatus>(`${path(handle)}/retrain`, { method: 'POST' }),
};
