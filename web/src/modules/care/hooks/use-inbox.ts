import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { identityApi } from '../../identity/index.ts';
import { careApi } from '../api/care.api.ts';
import {
  type ConversationFilter,
  type ConversationPatch,
  INBOX_ROLES,
  type ReplyMode,
} from '../api/care.types.ts';
import { careKeys } from './care-keys.ts';

/** A slow poll as a safety net; the live stream refreshes the inbox as soon as something changes. */
const SAFETY_POLL_MS = 60_000;

export function useConversations(handle: string, filter: ConversationFilter) {
  return useInfiniteQuery({
    queryKey: careKeys.conversations(handle, filter),
    queryFn: ({ pageParam }) => careApi.conversations(handle, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: SAFETY_POLL_MS,
  });
}

export function useConversation(handle: string, id: string | null) {
  return useQuery({
    queryKey: careKeys.conversation(handle, id ?? ''),
    queryFn: () => careApi.conversation(handle, id!),
    enabled: Boolean(id),
  });
}

export function useQueues(handle: string) {
  return useQuery({
    queryKey: careKeys.queues(handle),
    queryFn: () => careApi.queues(handle),
    staleTime: 5 * 60_000,
  });
}

/** Members who can take conversations: owners, admins and agents. */
export function useInboxAgents(handle: string) {
  return useQuery({
    queryKey: ['orgs', handle.toLowerCase(), 'members'],
    queryFn: () => identityApi.members(handle),
    select: (data) => data.items.filter((m) => INBOX_ROLES.includes(m.role)),
  });
}

/** After any change to a conversation: the list rows and the open conversation show it at once. */
function useRefreshConversation(handle: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: careKeys.org(handle) });
}

export function useUpdateConversation(handle: string, id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshConversation(handle);
  return useMutation({
    mutationFn: (patch: ConversationPatch) => careApi.update(handle, id, patch),
    onSuccess: (detail) => {
      queryClient.setQueryData(careKeys.conversation(handle, id), detail);
      refresh();
    },
  });
}

export function useReply(handle: string, id: string) {
  const refresh = useRefreshConversation(handle);
  return useMutation({
    mutationFn: (input: { text: string; mode: ReplyMode; policyOverride?: string }) =>
      careApi.reply(handle, id, input.text, input.mode, input.policyOverride),
    onSuccess: refresh,
  });
}

export function useNote(handle: string, id: string) {
  const refresh = useRefreshConversation(handle);
  return useMutation({
    mutationFn: (text: string) => careApi.note(handle, id, text),
    onSuccess: refresh,
  });
}

export function useCorrectIntent(handle: string, id: string) {
  const refresh = useRefreshConversation(handle);
  return useMutation({
    mutationFn: (input: { messageId: string; intent: string }) =>
      careApi.correctIntent(handle, id, input.messageId, input.intent),
    onSuccess: refresh,
  });
}

export function useAvailability(handle: string) {
  const client = useQueryClient();
  const key = ['care', handle, 'availability'];
  const current = useQuery({ queryKey: key, queryFn: () => careApi.myAvailability(handle) });
  const change = useMutation({
    mutationFn: (status: 'online' | 'away') => careApi.availability(handle, status),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  return { status: current.data?.status ?? null, change };
}
