import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { identityApi } from '../api/identity.api.ts';
import type { OrgInput, OrgRole, ProfilePatch } from '../api/identity.types.ts';
import { meKey } from './use-me.ts';

const orgKey = (handle: string) => ['orgs', handle.toLowerCase()] as const;

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgInput) => identityApi.createOrg(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

export function useUpdateOrg(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProfilePatch) => identityApi.updateOrg(handle, patch),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['accounts', handle.toLowerCase()] });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useMembers(handle: string) {
  return useQuery({ queryKey: [...orgKey(handle), 'members'], queryFn: () => identityApi.members(handle) });
}

export function useOrgInvitations(handle: string, enabled: boolean) {
  return useQuery({
    queryKey: [...orgKey(handle), 'invitations'],
    queryFn: () => identityApi.orgInvitations(handle),
    enabled,
  });
}

export function useInvite(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { handle: string; role: OrgRole }) => identityApi.invite(handle, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(handle) }),
  });
}

export function useRemoveMember(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userHandle: string) => identityApi.removeMember(handle, userHandle),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orgKey(handle) });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useCancelInvitation(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => identityApi.answerInvitation(id, 'cancel'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(handle) }),
  });
}
