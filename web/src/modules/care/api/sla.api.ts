import { api } from '../../../shared/api/client.ts';
import type { BusinessHours, CareReport, ReportGrouping, SlaPolicies, SlaPolicy } from './sla.types.ts';

const settings = (handle: string) => `/orgs/${encodeURIComponent(handle)}/care/settings`;

export const slaApi = {
  businessHours: (handle: string) => api<BusinessHours>(`${settings(handle)}/business-hours`),
  setBusinessHours: (handle: string, hours: BusinessHours) =>
    api<BusinessHours>(`${settings(handle)}/business-hours`, { method: 'PUT', body: hours }),
  policies: (handle: string) => api<SlaPolicies>(`${settings(handle)}/sla-policies`),
  setPolicies: (handle: string, policies: SlaPolicy[]) =>
    api<SlaPolicies>(`${settings(handle)}/sla-policies`, { method: 'PUT', body: { policies } }),
  report: (handle: string, by: ReportGrouping, days: number) =>
    api<CareReport>(`/orgs/${encodeURIComponent(handle)}/care/reports`, { query: { by, days } }),
};
