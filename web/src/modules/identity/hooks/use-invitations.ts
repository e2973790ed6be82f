import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { identityApi } from '../api/identity.api.ts';
import { meKey } from './use-me.ts';

const myInvitationsKey = ['invitations', 'mine'] as const;

export function useMyInvitations(enabled = true) {
  return useQuery({
    queryKey: myInvitationsKey,
    queryFn: identityApi.myInvitations,
    enabled,
    staleTime: 30_000,
  });
}

export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: 'accept' | 'decline' }) =>
      identityApi.answerInvitation(id, answer),
    onSuccess: (_data, { answer }) => {
      void queryClient.invalidateQueries({ queryKey: myInvitationsKey });
      if (answer === 'accept') void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
