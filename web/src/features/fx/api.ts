// The exchange rates: the base currency and the rates entered into it, by currency and newest day first;
// finance and admins enter a currency's rate from a day on. Every entry refreshes all ['fx-rates'] queries.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/api/client';
import type { paths } from '@/api/generated/schema';

export type FxRateList = paths['/fx-rates']['get']['responses'][200]['content']['application/json'];
export type FxRate = FxRateList['items'][number];
export type FxRateInput = paths['/fx-rates']['post']['requestBody']['content']['application/json'];

export const fxKeys = {
  all: ['fx-rates'] as const,
  list: (currency?: string) => ['fx-rates', currency ?? 'all'] as const,
};

/** The rates, of one currency when `currency` is given. */
export function useFxRates(currency?: string) {
  return useQuery({
    queryKey: fxKeys.list(currency),
    queryFn: () => data(api.GET('/fx-rates', { params: { query: currency ? { currency } : {} } })),
    placeholderData: keepPreviousData,
  });
}

export function useSetFxRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FxRateInput) => data(api.POST('/fx-rates', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fxKeys.all }),
  });
}
