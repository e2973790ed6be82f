import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiResponse } from '../../../shared/api/types.ts';
import { careKeys } from './care-keys.ts';

const enc = encodeURIComponent;

export type IdeaRequestInput = ApiBody<'/orgs/{handle}/care/conversations/{id}/idea-request'>;

/** The agent asks, in public, whether the customer's idea may go on the brand's ideas portal. */
export function useRequestIdea(handle: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IdeaRequestInput) =>
      api<ApiResponse<'/orgs/{handle}/care/conversations/{id}/idea-request', 'post'>>(
        `/orgs/${enc(handle)}/care/conversations/${enc(conversationId)}/idea-request`,
        { method: 'POST', body },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.all }),
  });
}

/** The customer's yes or no to the brand posting their idea in their name. */
export function useAnswerIdea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; accept: boolean }) =>
      api<void>(`/me/care/conversations/${enc(input.id)}/idea-consent`, {
        method: 'POST',
        body: { accept: input.accept },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.mine }),
  });
}
