import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { slaApi } from '../api/sla.api.ts';
import type { BusinessHours, ReportGrouping, SlaPolicy } from '../api/sla.types.ts';
import { careKeys } from './care-keys.ts';

// Under ['care', handle] like every care query, so live events and sign-outs reach them too.
const keys = {
  hours: (handle: string) => [...careKeys.org(handle), 'business-hours'] as const,
  policies: (handle: string) => [...careKeys.org(handle), 'sla-policies'] as const,
  report: (handle: string, by: ReportGrouping, days: number) =>
    [...careKeys.org(handle), 'report', by, days] as const,
};

export function useBusinessHours(handle: string) {
  return useQuery({ queryKey: keys.hours(handle), queryFn: () => slaApi.businessHours(handle) });
}

export function useSlaPolicies(handle: string) {
  return useQuery({ queryKey: keys.policies(handle), queryFn: () => slaApi.policies(handle) });
}

/** Saving hours or policies moves every running clock: the inbox refetches too. */
export function useSaveBusinessHours(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hours: BusinessHours) => slaApi.setBusinessHours(handle, hours),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.hours(handle), saved);
      void queryClient.invalidateQueries({ queryKey: careKeys.org(handle) });
    },
  });
}

export function useSaveSlaPolicies(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policies: SlaPolicy[]) => slaApi.setPolicies(handle, policies),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.policies(handle), saved);
      void queryClient.invalidateQueries({ queryKey: careKeys.org(handle) });
    },
  });
}

export function useCareReport(handle: string, by: ReportGrouping, days: number) {
  return useQuery({
    queryKey: keys.report(handle, by, days),
    queryFn: () => slaApi.report(handle, by, days),
  });
}
