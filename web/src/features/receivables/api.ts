// The receivables reports (AR-2, AR-3): aging as of a date and the monthly KPIs, each within the
// reader's scope on the server.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '@/api/client';
import type { paths } from '@/api/generated/schema';

export type AgingQuery = NonNullable<paths['/reports/aging']['get']['parameters']['query']>;
export type AgingReport = paths['/reports/aging']['get']['responses'][200]['content']['application/json'];
export type AgingRow = AgingReport['rows'][number];
export type AgingAmounts = AgingReport['total'];
export type GroupBy = NonNullable<AgingQuery['group_by']>;

export type KpiQuery = NonNullable<paths['/reports/kpis']['get']['parameters']['query']>;
export type KpiReport = paths['/reports/kpis']['get']['responses'][200]['content']['application/json'];
export type KpiMonth = KpiReport['months'][number];

export const reportKeys = {
  aging: (q: AgingQuery) => ['reports', 'aging', q] as const,
  kpis: (q: KpiQuery) => ['reports', 'kpis', q] as const,
};

export function useAging(query: AgingQuery) {
  return useQuery({
    queryKey: reportKeys.aging(query),
    queryFn: () => data(api.GET('/reports/aging', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useKpis(query: KpiQuery) {
  return useQuery({
    queryKey: reportKeys.kpis(query),
    queryFn: () => data(api.GET('/reports/kpis', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
