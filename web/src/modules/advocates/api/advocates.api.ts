import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiQuery, ApiResponse, Items, Page } from '../../../shared/api/types.ts';

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

export type BrandReferral = ApiResponse<'/orgs/{handle}/referrals'>['items'][number];
export type ReferralStatus = BrandReferral['status'];
export type ReferralSettings = ApiResponse<'/orgs/{handle}/referral-settings'>;
export type PointsRules = ApiResponse<'/orgs/{handle}/points-rules'>;
export type MyReferrals = ApiResponse<'/me/referrals'>;
export type MyContributions = ApiResponse<'/me/contributions'>;

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  pending: 'Pending (in hold)',
  flagged: 'Flagged for review',
  earned: 'Earned',
  cancelled: 'Cancelled',
  rejected: 'Rejected',
  refused: 'Refused',
  reversed: 'Reversed',
};

export const KIND_LABELS: Record<PointsRules['rules'][number]['kind'] | 'reversal', string> = {
  referral_earned: 'Referred a first order',
  reshare_sale: 'Reshare that led to a sale',
  idea_implemented: 'Idea implemented',
  staff_share: 'Shared from the content library',
  staff_sale: 'Staff share that led to a sale',
  reversal: 'Taken back',
};

export const referralsApi = {
  list: (handle: string, query: { status?: ReferralStatus; cursor?: string }) =>
    api<Page<BrandReferral>>(`/orgs/${enc(handle)}/referrals`, { query }),
  review: (handle: string, id: string, decision: 'approve' | 'reject', reason: string) =>
    api<BrandReferral>(`/orgs/${enc(handle)}/referrals/${enc(id)}/review`, {
      method: 'POST',
      body: { decision, reason },
    }),
  settings: (handle: string) => api<ReferralSettings>(`/orgs/${enc(handle)}/referral-settings`),
  saveSettings: (handle: string, body: ReferralSettings) =>
    api<ReferralSettings>(`/orgs/${enc(handle)}/referral-settings`, { method: 'PUT', body }),
  rules: (handle: string) => api<PointsRules>(`/orgs/${enc(handle)}/points-rules`),
  saveRules: (handle: string, rules: { kind: PointsRules['rules'][number]['kind']; points: number }[]) =>
    api<PointsRules>(`/orgs/${enc(handle)}/points-rules`, { method: 'PUT', body: { rules } }),
  mine: (cursor?: string) => api<MyReferrals>('/me/referrals', { query: { cursor } }),
  contributions: () => api<MyContributions>('/me/contributions'),
};

export type Ladder = ApiResponse<'/orgs/{handle}/tiers'>;
export type LadderBody = ApiBody<'/orgs/{handle}/tiers', 'put'>;
export type TierChange = ApiResponse<'/orgs/{handle}/tier-changes'>['items'][number];
export type LongGame = ApiResponse<'/orgs/{handle}/long-game'>;

export const tiersApi = {
  ladder: (handle: string) => api<Ladder>(`/orgs/${enc(handle)}/tiers`),
  save: (handle: string, body: LadderBody) =>
    api<Ladder>(`/orgs/${enc(handle)}/tiers`, { method: 'PUT', body }),
  changes: (handle: string) => api<Page<TierChange>>(`/orgs/${enc(handle)}/tier-changes`),
  longGame: (handle: string) => api<LongGame>(`/orgs/${enc(handle)}/long-game`),
};
