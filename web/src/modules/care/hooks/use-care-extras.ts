import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { careExtrasApi } from '../api/care-extras.api.ts';
import type { IdentityProposal } from '../api/care-extras.types.ts';
import { careKeys } from './care-keys.ts';

const settingsKey = (handle: string) => [...careKeys.org(handle), 'settings'] as const;
const myLinksKey = ['care', 'me', 'identity-links'] as const;

export function useInboxSettings(handle: string) {
  return useQuery({
    queryKey: settingsKey(handle),
    queryFn: () => careExtrasApi.settings(handle),
    staleTime: 60_000,
  });
}

export function useUpdateInboxSettings(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: { publicReplyLimit?: number; unsureBelow?: number | null }) =>
      careExtrasApi.updateSettings(handle, patch),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey(handle), settings),
  });
}

/** Merges conversation `id` into a target; both refresh, and the caller usually opens the target. */
export function useMergeConversation(handle: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (targetId: string) => careExtrasApi.merge(handle, id, targetId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: careKeys.org(handle) }),
  });
}

export function useProposeIdentity(handle: string, customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IdentityProposal) => careExtrasApi.proposeIdentity(handle, customerId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: careKeys.org(handle) }),
  });
}

/** The person's side: identities brands proposed to them, and the ones they confirmed. */
export function useMyIdentityLinks(enabled = true) {
  return useQuery({ queryKey: myLinksKey, queryFn: careExtrasApi.myIdentityLinks, enabled });
}

export function useAnswerIdentityLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; accept: boolean }) =>
      careExtrasApi.answerIdentityLink(input.id, input.accept),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: myLinksKey }),
  });
}

export function useRemoveIdentityLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => careExtrasApi.removeIdentityLink(id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: myLinksKey }),
  });
}
