import { useQuery } from '@tanstack/react-query';
import { advocatesApi } from '../api/advocates.api.ts';

/** The brand's saved advocate segments; shared with the Advocates page's cache. */
export function useAdvocateSegments(handle: string) {
  return useQuery({
    queryKey: ['advocates', handle, 'segments'],
    queryFn: () => advocatesApi.segments(handle),
    retry: false,
  });
}
