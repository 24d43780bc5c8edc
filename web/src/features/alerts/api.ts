// The alerts inbox requests, shared by the bell and the page. Every change refreshes all ['alerts'] queries.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/api/client';
import { useRequestError } from '@/app/requestErrors';

export interface AlertFilters {
  unread: boolean;
  page: number;
  page_size: number;
}

export function useAlerts(filters: AlertFilters, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ['alerts', filters],
    queryFn: () =>
      data(
        api.GET('/alerts', {
          params: {
            query: { page: filters.page, page_size: filters.page_size, ...(filters.unread ? { unread: true } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    ...options,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  const onError = useRequestError();
  return useMutation({
    mutationFn: (id: number) => data(api.POST('/alerts/{id}/read', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }),
    onError: (e) => onError(e),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  const onError = useRequestError();
  return useMutation({
    mutationFn: () => data(api.POST('/alerts/read-all')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }),
    onError: (e) => onError(e),
  });
}
