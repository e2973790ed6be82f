import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiResponse, Items, Page } from '../../../shared/api/types.ts';
import type {
  Conversation,
  ConversationDetail,
  ConversationFilter,
  ConversationPatch,
  Queue,
  ReplyMode,
  Rule,
  RuleInput,
  RuleTestResult,
} from './care.types.ts';

type Availability = ApiResponse<'/orgs/{handle}/care/availability'>;
type RuleTest = ApiBody<'/orgs/{handle}/care/rules/test'>;

const enc = encodeURIComponent;
const care = (handle: string) => `/orgs/${enc(handle)}/care`;

export const careApi = {
  conversations: (handle: string, filter: ConversationFilter, cursor?: string) =>
    api<Page<Conversation>>(`${care(handle)}/conversations`, {
      query: {
        status: filter.status,
        queueId: filter.queueId,
        mine: filter.mine ? 'true' : undefined,
        snoozed: filter.snoozed ? 'true' : undefined,
        needsReview: filter.needsReview ? 'true' : undefined,
        sort: filter.sort,
        cursor,
      },
    }),
  conversation: (handle: string, id: string) =>
    api<ConversationDetail>(`${care(handle)}/conversations/${enc(id)}`),
  update: (handle: string, id: string, patch: ConversationPatch) =>
    api<ConversationDetail>(`${care(handle)}/conversations/${enc(id)}`, { method: 'PATCH', body: patch }),
  reply: (handle: string, id: string, text: string, mode: ReplyMode, policyOverride?: string) =>
    api<ApiResponse<'/orgs/{handle}/care/conversations/{id}/replies', 'post'>>(
      `${care(handle)}/conversations/${enc(id)}/replies`,
      {
        method: 'POST',
        body: { text, mode, ...(policyOverride ? { policyOverride } : {}) },
      },
    ),
  note: (handle: string, id: string, text: string) =>
    api<void>(`${care(handle)}/conversations/${enc(id)}/notes`, { method: 'POST', body: { text } }),
  correctIntent: (handle: string, id: string, messageId: string, intent: string) =>
    api<void>(`${care(handle)}/conversations/${enc(id)}/messages/${enc(messageId)}/intent`, {
      method: 'PUT',
      body: { intent },
    }),
  myAvailability: (handle: string) => api<Availability>(`${care(handle)}/availability`),
  availability: (handle: string, status: Availability['status'], maxOpen?: number) =>
    api<void>(`${care(handle)}/availability`, { method: 'PUT', body: { status, maxOpen } }),
  queues: (handle: string) => api<Items<Queue>>(`${care(handle)}/queues`),
  rules: (handle: string) => api<Items<Rule>>(`${care(handle)}/rules`),
  addRule: (handle: string, input: RuleInput) =>
    api<ApiResponse<'/orgs/{handle}/care/rules', 'post'>>(`${care(handle)}/rules`, {
      method: 'POST',
      body: input,
    }),
  testRule: (handle: string, input: RuleTest) =>
    api<RuleTestResult>(`${care(handle)}/rules/test`, { method: 'POST', body: input }),
  removeRule: (handle: string, id: string) =>
    api<void>(`${care(handle)}/rules/${enc(id)}`, { method: 'DELETE' }),
};
