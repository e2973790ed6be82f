import { api } from '../../../shared/api/client.ts';
import type { ApiResponse, Items } from '../../../shared/api/types.ts';
import type { CannedReply, CannedReplyInput, ConversionInput, MyCareConversation } from './workflow.types.ts';

const enc = encodeURIComponent;
const care = (handle: string) => `/orgs/${enc(handle)}/care`;

/** Around a conversation: canned replies, queues, moving to private; and the customer's side of care. */
export const workflowApi = {
  canned: (handle: string) => api<Items<CannedReply>>(`${care(handle)}/canned-replies`),
  addCanned: (handle: string, input: CannedReplyInput) =>
    api<CannedReply>(`${care(handle)}/canned-replies`, { method: 'POST', body: input }),
  updateCanned: (handle: string, id: string, patch: Partial<CannedReplyInput>) =>
    api<CannedReply>(`${care(handle)}/canned-replies/${enc(id)}`, { method: 'PATCH', body: patch }),
  removeCanned: (handle: string, id: string) =>
    api<void>(`${care(handle)}/canned-replies/${enc(id)}`, { method: 'DELETE' }),
  /**
   * The canned reply with its variables filled in for this conversation's customer; for a public reply the server
   * refuses one that would show order details (422 order_in_public_reply).
   */
  renderCanned: (handle: string, conversationId: string, cannedId: string, mode: 'public' | 'private') =>
    api<ApiResponse<'/orgs/{handle}/care/conversations/{id}/canned-replies/{cannedId}'>>(
      `${care(handle)}/conversations/${enc(conversationId)}/canned-replies/${enc(cannedId)}`,
      { query: { mode } },
    ),

  addQueue: (handle: string, name: string) =>
    api<ApiResponse<'/orgs/{handle}/care/queues', 'post'>>(`${care(handle)}/queues`, {
      method: 'POST',
      body: { name },
    }),
  renameQueue: (handle: string, id: string, name: string) =>
    api<void>(`${care(handle)}/queues/${enc(id)}`, { method: 'PATCH', body: { name } }),
  removeQueue: (handle: string, id: string) =>
    api<void>(`${care(handle)}/queues/${enc(id)}`, { method: 'DELETE' }),

  /** Posts the question in public in the customer's thread; private replies wait for their yes. */
  requestPrivate: (handle: string, conversationId: string, text?: string) =>
    api<ApiResponse<'/orgs/{handle}/care/conversations/{id}/private-request', 'post'>>(
      `${care(handle)}/conversations/${enc(conversationId)}/private-request`,
      {
        method: 'POST',
        body: text ? { text } : {},
      },
    ),

  /** Proposes in public to turn the conversation into a request (or an idea) in the customer's name. */
  requestConversion: (handle: string, conversationId: string, body: ConversionInput) =>
    api<ApiResponse<'/orgs/{handle}/care/conversations/{id}/conversion-request', 'post'>>(
      `${care(handle)}/conversations/${enc(conversationId)}/conversion-request`,
      { method: 'POST', body },
    ),
  withdrawConversion: (handle: string, conversationId: string) =>
    api<void>(`${care(handle)}/conversations/${enc(conversationId)}/conversion-request`, {
      method: 'DELETE',
    }),

  mine: () => api<Items<MyCareConversation>>('/me/care/conversations'),
  answerConversion: (id: string, accept: boolean) =>
    api<void>(`/me/care/conversations/${enc(id)}/conversion-consent`, { method: 'POST', body: { accept } }),
  answerConsent: (id: string, accept: boolean) =>
    api<void>(`/me/care/conversations/${enc(id)}/consent`, { method: 'POST', body: { accept } }),
  rate: (id: string, score: number) =>
    api<void>(`/me/care/conversations/${enc(id)}/rating`, { method: 'POST', body: { score } }),
};
