import { useQuery } from '@tanstack/react-query';
import { socialApi } from '../api/social.api.ts';
import { postsKey } from './post-cache.ts';

export function useThread(id: string) {
  return useQuery({
    queryKey: [...postsKey, 'thread', id],
    queryFn: () => socialApi.thread(id),
    retry: false,
  });
}
