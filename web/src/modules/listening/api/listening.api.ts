import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiQuery, ApiResponse } from '../../../shared/api/types.ts';

export type Topic = ApiResponse<'/orgs/{handle}/listening/topics'>['items'][number];
export type TopicInput = ApiBody<'/orgs/{handle}/listening/topics'>;
export type TopicSummary = ApiResponse<'/orgs/{handle}/listening/topics/{id}/summary'>;
export type MentionPage = ApiResponse<'/orgs/{handle}/listening/mentions'>;
export type Mention = MentionPage['items'][number];
export type MentionFilter = ApiQuery<'/orgs/{handle}/listening/mentions'>;
export type Thread = ApiResponse<'/orgs/{handle}/listening/mentions/{id}/thread'>;
export type ImportReport = ApiResponse<'/orgs/{handle}/listening/imports/{id}'>;
export type Spike = ApiResponse<'/orgs/{handle}/listening/spikes'>['items'][number];
export type ImportFormat = ApiQuery<'/orgs/{handle}/listening/imports', 'post'>['format'];

const base = (handle: string) => `/orgs/${encodeURIComponent(handle)}/listening`;

export type AlertSettings = ApiResponse<'/orgs/{handle}/listening/alerts'>;
export type AlertSettingsInput = ApiBody<'/orgs/{handle}/listening/alerts', 'put'>;
export type AlertDelivery = ApiResponse<'/orgs/{handle}/listening/alerts/deliveries'>['items'][number];
export type OpenedInCare = ApiResponse<'/orgs/{handle}/listening/mentions/{id}/care', 'post'>;

export const listeningApi = {
  alerts: (handle: string) => api<AlertSettings>(`${base(handle)}/alerts`),
  saveAlerts: (handle: string, body: AlertSettingsInput) =>
    api<AlertSettings>(`${base(handle)}/alerts`, { method: 'PUT', body }),
  deliveries: (handle: string) => api<{ items: AlertDelivery[] }>(`${base(handle)}/alerts/deliveries`),
  openInCare: (handle: string, id: string) =>
    api<OpenedInCare>(`${base(handle)}/mentions/${id}/care`, { method: 'POST' }),
  topics: (handle: string) => api<{ items: Topic[] }>(`${base(handle)}/topics`),
  addTopic: (handle: string, body: TopicInput) =>
    api<Topic>(`${base(handle)}/topics`, { method: 'POST', body }),
  summary: (handle: string, id: string, days: number) =>
    api<TopicSummary>(`${base(handle)}/topics/${id}/summary`, {
      query: { from: new Date(Date.now() - days * 86_400_000).toISOString() },
    }),
  mentions: (handle: string, filter: MentionFilter) =>
    api<MentionPage>(`${base(handle)}/mentions`, {
      query: filter as Record<string, string | number | undefined>,
    }),
  thread: (handle: string, id: string) => api<Thread>(`${base(handle)}/mentions/${id}/thread`),
  spikes: (handle: string, topicId: string) =>
    api<{ items: Spike[] }>(`${base(handle)}/spikes`, { query: { topicId } }),
  scanSpikes: (handle: string, topicId: string) =>
    api<{ items: Spike[] }>(`${base(handle)}/spikes/scan`, { method: 'POST', query: { topicId } }),
  imports: (handle: string) => api<{ items: ImportReport[] }>(`${base(handle)}/imports`),
  upload: (handle: string, file: File, format: ImportFormat, mapping?: string) =>
    api<ImportReport>(`${base(handle)}/imports`, {
      method: 'POST',
      body: file,
      contentType: 'application/octet-stream',
      query: { format, fileName: file.name.slice(0, 200), mapping: mapping || undefined },
    }),
};
