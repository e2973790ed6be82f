import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commerceApi } from '../api/commerce.api.ts';
import type { ProductInput } from '../api/commerce.types.ts';
import { commerceKeys } from './commerce-keys.ts';

export function useProducts(handle: string) {
  return useQuery({ queryKey: commerceKeys.products(handle), queryFn: () => commerceApi.products(handle) });
}

export function useProduct(id: string) {
  return useQuery({
    queryKey: commerceKeys.product(id),
    queryFn: () => commerceApi.product(id),
    retry: false,
  });
}

/** Products on sale matching a search, page by page. */
export function useSearchProducts(q: string) {
  return useInfiniteQuery({
    queryKey: commerceKeys.search(q),
    queryFn: ({ pageParam }) => commerceApi.searchProducts(q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: q.trim().length > 0,
  });
}

/** Creates a product, or replaces one when an id is given. */
export function useSaveProduct(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ProductInput }) =>
      id ? commerceApi.updateProduct(id, input) : commerceApi.createProduct(handle, input),
    onSuccess: (product) => {
      queryClient.setQueryData(commerceKeys.product(product.id), product);
      void queryClient.invalidateQueries({ queryKey: commerceKeys.products(handle) });
    },
  });
}

export function useArchiveProduct(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => commerceApi.archiveProduct(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commerceKeys.products(handle) }),
  });
}

export function useImportCsv(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => commerceApi.importCsv(handle, csv),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commerceKeys.products(handle) }),
  });
}
