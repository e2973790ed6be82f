import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ApprovalSettings,
  approvalsApi,
  type CareReplyDraftInput,
  type DealDraftInput,
  type DraftInput,
  type ReviewInput,
} from '../api/governance.api.ts';

const keys = {
  settings: (handle: string) => ['governance', handle, 'approval-settings'] as const,
  drafts: (handle: string) => ['governance', handle, 'drafts'] as const,
};

/** Polled: a scheduled draft goes out by itself, and the queue should say so without a reload. */
const DRAFTS_POLL_MS = 5000;

export function useApprovalSettings(handle: string, enabled = true) {
  return useQuery({
    queryKey: keys.settings(handle),
    queryFn: () => approvalsApi.settings(handle),
    enabled: enabled && Boolean(handle),
  });
}

export function useSaveApprovalSettings(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApprovalSettings) => approvalsApi.saveSettings(handle, input),
    onSuccess: (saved) => client.setQueryData(keys.settings(handle), saved),
  });
}

export function useDrafts(handle: string) {
  return useQuery({
    queryKey: keys.drafts(handle),
    queryFn: () => approvalsApi.drafts(handle),
    refetchInterval: DRAFTS_POLL_MS,
  });
}

function useDraftMutation<T>(handle: string, fn: (input: T) => ReturnType<typeof approvalsApi.submit>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.drafts(handle) }),
  });
}

export const useSubmitDraft = (handle: string) =>
  useDraftMutation(handle, (input: DraftInput) => approvalsApi.submit(handle, input));
export const useSubmitDealDraft = (handle: string) =>
  useDraftMutation(handle, (input: DealDraftInput) => approvalsApi.submitDeal(handle, input));
export const useSubmitCareReplyDraft = (handle: string) =>
  useDraftMutation(handle, (input: CareReplyDraftInput) => approvalsApi.submitCareReply(handle, input));
export const useReviseDraft = (handle: string) =>
  useDraftMutation(handle, ({ id, input }: { id: string; input: DraftInput }) =>
    approvalsApi.revise(handle, id, input),
  );
export const useReviewDraft = (handle: string) =>
  useDraftMutation(handle, ({ id, input }: { id: string; input: ReviewInput }) =>
    approvalsApi.review(handle, id, input),
  );
export const usePublishNow = (handle: string) =>
  useDraftMutation(handle, (id: string) => approvalsApi.publishNow(handle, id));
