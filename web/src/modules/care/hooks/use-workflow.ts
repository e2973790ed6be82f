import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { workflowApi } from '../api/workflow.api.ts';
import type { CannedReplyInput, ConversionInput } from '../api/workflow.types.ts';
import { careKeys } from './care-keys.ts';

const cannedKey = (handle: string) => [...careKeys.org(handle), 'canned-replies'] as const;

export function useCannedReplies(handle: string) {
  return useQuery({
    queryKey: cannedKey(handle),
    queryFn: () => workflowApi.canned(handle),
    staleTime: 60_000,
  });
}

export function useAddCannedReply(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CannedReplyInput) => workflowApi.addCanned(handle, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedKey(handle) }),
  });
}

export function useUpdateCannedReply(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string } & Partial<CannedReplyInput>) => {
      const { id, ...patch } = input;
      return workflowApi.updateCanned(handle, id, patch);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedKey(handle) }),
  });
}

export function useRemoveCannedReply(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => workflowApi.removeCanned(handle, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cannedKey(handle) }),
  });
}

/** Fetched on pick rather than cached: the customer's last order may have changed since. */
export function useRenderCannedReply(handle: string, conversationId: string) {
  return useMutation({
    mutationFn: (input: { cannedId: string; mode: 'public' | 'private' }) =>
      workflowApi.renderCanned(handle, conversationId, input.cannedId, input.mode),
  });
}

/** Queue changes show in the filters, the rows and the SLA policy table: the brand's care queries refresh. */
function useQueueMutation<T>(handle: string, fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.org(handle) }),
  });
}

export const useAddQueue = (handle: string) =>
  useQueueMutation(handle, (name: string) => workflowApi.addQueue(handle, name));
export const useRenameQueue = (handle: string) =>
  useQueueMutation(handle, (input: { id: string; name: string }) =>
    workflowApi.renameQueue(handle, input.id, input.name),
  );
export const useRemoveQueue = (handle: string) =>
  useQueueMutation(handle, (id: string) => workflowApi.removeQueue(handle, id));

export function useRequestPrivate(handle: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text?: string) => workflowApi.requestPrivate(handle, conversationId, text),
    // Refresh even on a conflict: someone else may have asked already.
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.org(handle) }),
  });
}

/** Proposes turning the conversation into a request (or an idea); refreshed even on a conflict. */
export function useRequestConversion(handle: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConversionInput) => workflowApi.requestConversion(handle, conversationId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.org(handle) }),
  });
}

export function useWithdrawConversion(handle: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => workflowApi.withdrawConversion(handle, conversationId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.org(handle) }),
  });
}
