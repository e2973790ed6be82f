import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type AlertSettingsInput,
  type ImportFormat,
  listeningApi,
  type MentionFilter,
  type TopicInput,
} from '../api/listening.api.ts';

const keys = {
  org: (handle: string) => ['listening', handle] as const,
  topics: (handle: string) => ['listening', handle, 'topics'] as const,
  summary: (handle: string, id: string, days: number) => ['listening', handle, 'summary', id, days] as const,
  mentions: (handle: string, filter: MentionFilter) => ['listening', handle, 'mentions', filter] as const,
  thread: (handle: string, id: string) => ['listening', handle, 'thread', id] as const,
  imports: (handle: string) => ['listening', handle, 'imports'] as const,
  spikes: (handle: string, topicId: string) => ['listening', handle, 'spikes', topicId] as const,
  alerts: (handle: string) => ['listening', handle, 'alerts'] as const,
  deliveries: (handle: string) => ['listening', handle, 'alerts', 'deliveries'] as const,
};

/** A spike was found (live event): spikes, charts and deliveries of the open listening pages refetch. */
export const refreshListening = (client: QueryClient) =>
  client.invalidateQueries({ queryKey: ['listening'] });

export const useAlertSettings = (handle: string) =>
  useQuery({ queryKey: keys.alerts(handle), queryFn: () => listeningApi.alerts(handle) });

export const useAlertDeliveries = (handle: string) =>
  useQuery({ queryKey: keys.deliveries(handle), queryFn: () => listeningApi.deliveries(handle) });

export function useSaveAlerts(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AlertSettingsInput) => listeningApi.saveAlerts(handle, input),
    onSuccess: (data) => client.setQueryData(keys.alerts(handle), data),
  });
}

/** Handles a Souk mention in care: its conversation (the same one every time), then the inbox opens on it. */
export function useOpenInCare(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => listeningApi.openInCare(handle, id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['listening', handle, 'mentions'] }),
  });
}

export const useSpikes = (handle: string, topicId: string) =>
  useQuery({ queryKey: keys.spikes(handle, topicId), queryFn: () => listeningApi.spikes(handle, topicId) });

export function useScanSpikes(handle: string, topicId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => listeningApi.scanSpikes(handle, topicId),
    onSuccess: (data) => client.setQueryData(keys.spikes(handle, topicId), data),
  });
}

export const useTopics = (handle: string) =>
  useQuery({ queryKey: keys.topics(handle), queryFn: () => listeningApi.topics(handle) });

export function useAddTopic(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TopicInput) => listeningApi.addTopic(handle, input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.topics(handle) }),
  });
}

export const useTopicSummary = (handle: string, id: string, days: number) =>
  useQuery({
    queryKey: keys.summary(handle, id, days),
    queryFn: () => listeningApi.summary(handle, id, days),
  });

export const useMentions = (handle: string, filter: MentionFilter) =>
  useInfiniteQuery({
    queryKey: keys.mentions(handle, filter),
    queryFn: ({ pageParam }) => listeningApi.mentions(handle, { ...filter, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useThread = (handle: string, id: string | null) =>
  useQuery({
    queryKey: keys.thread(handle, id ?? ''),
    queryFn: () => listeningApi.thread(handle, id!),
    enabled: id !== null,
  });

export const useImports = (handle: string) =>
  useQuery({ queryKey: keys.imports(handle), queryFn: () => listeningApi.imports(handle) });

export function useUpload(handle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; format: ImportFormat; mapping?: string }) =>
      listeningApi.upload(handle, input.file, input.format, input.mapping),
    onSettled: () => client.invalidateQueries({ queryKey: keys.org(handle) }),
  });
}
