import { useQuery } from '@tanstack/react-query';
import { tiersApi } from '../api/advocates.api.ts';

/** The brand's tier ladder, lowest first; shared with the Tiers page's cache. */
export function useBrandTiers(handle: string) {
  return useQuery({ queryKey: ['tiers', handle], queryFn: () => tiersApi.ladder(handle), retry: false });
}
