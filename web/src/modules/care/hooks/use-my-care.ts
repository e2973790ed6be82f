import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { workflowApi } from '../api/workflow.api.ts';
import { careKeys } from './care-keys.ts';

/**
 * Refetched when the live stream says one of the person's conversations changed (`care.mine`: a reply, a question
 * to go private, a status change), and whenever the Support page opens or the tab comes back.
 */
export function useMyCareConversations(enabled = true) {
  return useQuery({ queryKey: careKeys.mine, queryFn: workflowApi.mine, enabled, staleTime: 0 });
}

/** How many of the person's conversations wait for their answer: a consent question or a rating. */
export function useMyCareAwaiting(): number {
  const items = useMyCareConversations().data?.items ?? [];
  return items.filter(
    (c) => c.privateConsent === 'requested' || c.ideaRequest?.consent === 'requested' || c.canRate,
  ).length;
}

export function useAnswerConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; accept: boolean }) => workflowApi.answerConsent(input.id, input.accept),
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.mine }),
  });
}

/** A refused rating (already rated, not resolved) refreshes too, so the page shows the conversation as it is. */
export function useRateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; score: number }) => workflowApi.rate(input.id, input.score),
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.mine }),
  });
}
