import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../../shared/api/client.ts';
import { identityApi } from '../api/identity.api.ts';
import type { LoginInput, Me, SignupInput } from '../api/identity.types.ts';
import { meKey } from './use-me.ts';

function useSignedIn() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    queryClient.setQueryData(meKey, me);
  };
}

/** Signs in; with two-factor on, the answer is a challenge and no one is signed in yet. */
export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: LoginInput) => identityApi.login(input),
    onSuccess: (result) => {
      if (!('twoFactorRequired' in result)) signedIn(result);
    },
  });
}

export function useLoginSecondStep() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: { challenge: string; code: string }) =>
      identityApi.loginSecondStep(input.challenge, input.code),
    onSuccess: signedIn,
  });
}

export function useSignup() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: (input: SignupInput) => identityApi.signup(input), onSuccess: signedIn });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => identityApi.logout(),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}
