import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { certificationApi } from '../api/governance.api.ts';

const keys = {
  mine: (handle: string) => ['governance', handle, 'certification', 'me'] as const,
  course: (handle: string) => ['governance', handle, 'certification', 'course'] as const,
  settings: (handle: string) => ['governance', handle, 'certification', 'settings'] as const,
};

/** The viewer's standing with the brand: required or not, certified or not, their newest certificate. */
export function useMyCertification(handle: string | undefined) {
  return useQuery({
    queryKey: keys.mine(handle ?? ''),
    queryFn: () => certificationApi.mine(handle ?? ''),
    enabled: Boolean(handle),
  });
}

export function useCourse(handle: string) {
  return useQuery({ queryKey: keys.course(handle), queryFn: () => certificationApi.course(handle) });
}

export function useCertificationSettings(handle: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.settings(handle),
    queryFn: () => certificationApi.settings(handle),
    enabled,
  });
}

export function useSaveCertificationSettings(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<typeof certificationApi.saveSettings>[1]) =>
      certificationApi.saveSettings(handle, input),
    onSuccess: (saved) => {
      client.setQueryData(keys.settings(handle), saved);
      void client.invalidateQueries({ queryKey: keys.mine(handle) });
    },
  });
}

/** Hands in the quiz; a pass refreshes the viewer's standing so composers stop blocking them. */
export function useAttempt(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: { questionId: string; choice: number }[]) =>
      certificationApi.attempt(handle, answers),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mine(handle) }),
  });
}

export function useVerifiedCertificate(id: string) {
  return useQuery({
    queryKey: ['certificates', id],
    queryFn: () => certificationApi.verify(id),
  });
}
