import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { identityApi } from '../api/identity.api.ts';
import type { ProfilePatch } from '../api/identity.types.ts';
import { meKey } from './use-me.ts';

const tokensKey = ['tokens'] as const;

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProfilePatch) => identityApi.updateProfile(patch),
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      void queryClient.invalidateQueries({ queryKey: ['accounts', me.account.handle] });
      void queryClient.invalidateQueries({ queryKey: ['posts'] });
    },
  });
}

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: identityApi.tokens });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => identityApi.createToken(name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => identityApi.revokeToken(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
