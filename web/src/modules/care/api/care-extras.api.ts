import { api } from '../../../shared/api/client.ts';
import type { Items } from '../../../shared/api/types.ts';
import type {
  IdentityProposal,
  InboxSettings,
  MergeResult,
  MyIdentityLink,
  ProposedIdentityLink,
} from './care-extras.types.ts';

const enc = encodeURIComponent;
const care = (handle: string) => `/orgs/${enc(handle)}/care`;

/** Merging conversations, the brand's reply limit, and identities on other networks (brand and person sides). */
export const careExtrasApi = {
  settings: (handle: string) => api<InboxSettings>(`${care(handle)}/settings`),
  updateSettings: (handle: string, patch: { publicReplyLimit?: number; unsureBelow?: number | null }) =>
    api<InboxSettings>(`${care(handle)}/settings`, { method: 'PATCH', body: patch }),
  merge: (handle: string, id: string, targetId: string) =>
    api<MergeResult>(`${care(handle)}/conversations/${enc(id)}/merge`, {
      method: 'POST',
      body: { targetId },
    }),
  proposeIdentity: (handle: string, customerId: string, input: IdentityProposal) =>
    api<ProposedIdentityLink>(`${care(handle)}/customers/${enc(customerId)}/identity-links`, {
      method: 'POST',
      body: input,
    }),
  myIdentityLinks: () => api<Items<MyIdentityLink>>('/me/care/identity-links'),
  answerIdentityLink: (id: string, accept: boolean) =>
    api<void>(`/me/care/identity-links/${enc(id)}/${accept ? 'confirm' : 'decline'}`, { method: 'POST' }),
  removeIdentityLink: (id: string) => api<void>(`/me/care/identity-links/${enc(id)}`, { method: 'DELETE' }),
};
