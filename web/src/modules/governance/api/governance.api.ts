import { api, buildUrl } from '../../../shared/api/client.ts';
import type { ApiBody, ApiQuery, ApiResponse, Items, Page } from '../../../shared/api/types.ts';

type LintResult = ApiResponse<'/orgs/{handle}/policy/lint', 'post'>;
/** One thing the policy found in a draft: where (UTF-16 span), why, and the fix when there is one. */
export type Finding = LintResult['findings'][number];
export type Channel = ApiBody<'/orgs/{handle}/policy/lint'>['channel'];
export type Rule = ApiResponse<'/orgs/{handle}/policy/rules'>['items'][number];
export type RuleInput = ApiBody<'/orgs/{handle}/policy/rules'>;
export type AuditEntry = ApiResponse<'/orgs/{handle}/policy/audit'>['items'][number];
export type AuditFilter = Pick<ApiQuery<'/orgs/{handle}/policy/audit'>, 'action' | 'channel'>;

const enc = encodeURIComponent;
const base = (handle: string) => `/orgs/${enc(handle)}/policy`;

export const governanceApi = {
  lint: (handle: string, text: string, channel: Channel, signal?: AbortSignal, aboutBrand = false) =>
    api<LintResult>(`${base(handle)}/lint`, {
      method: 'POST',
      body: aboutBrand ? { text, channel, aboutBrand } : { text, channel },
      signal,
    }),
  rules: (handle: string) => api<Items<Rule>>(`${base(handle)}/rules`),
  addRule: (handle: string, input: RuleInput) =>
    api<Rule>(`${base(handle)}/rules`, { method: 'POST', body: input }),
  updateRule: (handle: string, id: string, input: RuleInput) =>
    api<Rule>(`${base(handle)}/rules/${enc(id)}`, { method: 'PUT', body: input }),
  deleteRule: (handle: string, id: string) =>
    api<void>(`${base(handle)}/rules/${enc(id)}`, { method: 'DELETE' }),
  audit: (handle: string, filter: AuditFilter, cursor?: string) =>
    api<Page<AuditEntry>>(`${base(handle)}/audit`, { query: { ...filter, cursor } }),
  auditCsvUrl: (handle: string, filter: AuditFilter) => buildUrl(`${base(handle)}/audit.csv`, filter),
};

export type ApprovalSettings = ApiResponse<'/orgs/{handle}/approvals/settings'>;
export type Draft = ApiResponse<'/orgs/{handle}/approvals/drafts'>['items'][number];
export type DraftInput = ApiBody<'/orgs/{handle}/approvals/drafts'>;
export type ReviewInput = ApiBody<'/orgs/{handle}/approvals/drafts/{draftId}/reviews'>;
export type DealDraftInput = ApiBody<'/orgs/{handle}/approvals/deals'>;
export type CareReplyDraftInput = ApiBody<'/orgs/{handle}/approvals/care-replies'>;
const approvals = (handle: string) => `/orgs/${enc(handle)}/approvals`;

export const approvalsApi = {
  settings: (handle: string) => api<ApprovalSettings>(`${approvals(handle)}/settings`),
  saveSettings: (handle: string, input: ApprovalSettings) =>
    api<ApprovalSettings>(`${approvals(handle)}/settings`, { method: 'PUT', body: input }),
  drafts: (handle: string) => api<Items<Draft>>(`${approvals(handle)}/drafts`),
  submit: (handle: string, input: DraftInput) =>
    api<Draft>(`${approvals(handle)}/drafts`, { method: 'POST', body: input }),
  submitDeal: (handle: string, input: DealDraftInput) =>
    api<Draft>(`${approvals(handle)}/deals`, { method: 'POST', body: input }),
  submitCareReply: (handle: string, input: CareReplyDraftInput) =>
    api<Draft>(`${approvals(handle)}/care-replies`, { method: 'POST', body: input }),
  revise: (handle: string, id: string, input: DraftInput) =>
    api<Draft>(`${approvals(handle)}/drafts/${enc(id)}`, { method: 'PUT', body: input }),
  review: (handle: string, id: string, input: ReviewInput) =>
    api<Draft>(`${approvals(handle)}/drafts/${enc(id)}/reviews`, { method: 'POST', body: input }),
  publishNow: (handle: string, id: string) =>
    api<Draft>(`${approvals(handle)}/drafts/${enc(id)}/publish`, { method: 'POST' }),
};

export type MyCertification = ApiResponse<'/orgs/{handle}/certification/me'>;
export type Course = ApiResponse<'/orgs/{handle}/certification/course'>;
export type CourseInput = ApiBody<'/orgs/{handle}/certification/course', 'put'>;
export type CertificationSettings = ApiResponse<'/orgs/{handle}/certification/settings'>;
export type AttemptResult = ApiResponse<'/orgs/{handle}/certification/attempts', 'post'>;
export type PublicCertificate = ApiResponse<'/certificates/{id}'>;
const cert = (handle: string) => `/orgs/${enc(handle)}/certification`;

export const certificationApi = {
  mine: (handle: string) => api<MyCertification>(`${cert(handle)}/me`),
  course: (handle: string) => api<Course>(`${cert(handle)}/course`),
  saveCourse: (handle: string, input: CourseInput) =>
    api<Course>(`${cert(handle)}/course`, { method: 'PUT', body: input }),
  settings: (handle: string) => api<CertificationSettings>(`${cert(handle)}/settings`),
  saveSettings: (handle: string, input: CertificationSettings) =>
    api<CertificationSettings>(`${cert(handle)}/settings`, { method: 'PUT', body: input }),
  attempt: (handle: string, answers: { questionId: string; choice: number }[]) =>
    api<AttemptResult>(`${cert(handle)}/attempts`, { method: 'POST', body: { answers } }),
  verify: (id: string) => api<PublicCertificate>(`/certificates/${enc(id)}`),
};
