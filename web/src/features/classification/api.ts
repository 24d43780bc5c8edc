// The classification and dynamic-management requests (CL-1…CL-5, DY-2…DY-4). A review refreshes every
// ['classification'] and ['reviews'] query, since the due list and the file's next review both change.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Schemas } from '@/api/client';

export type Distribution = Schemas['Distribution'];
export type DistributionBy = Distribution['by'];
export type CustomerClassification = Schemas['CustomerClassification'];
export type Trends = Schemas['Trends'];
export type DueReview = Schemas['DueReviewList']['items'][number];
export type Mover = Schemas['MoverList']['items'][number];
export type ExpiringReport = Schemas['ExpiringReportList']['items'][number];
export type MoverKind = Schemas['MoverList']['kind'];

const asOfQuery = (asOf: string | undefined) => (asOf ? { as_of: asOf } : {});

export function useDistribution(by: DistributionBy, asOf: string | undefined) {
  return useQuery({
    queryKey: ['classification', 'distribution', by, asOf ?? null],
    queryFn: () => data(api.GET('/reports/tiers', { params: { query: { by, ...asOfQuery(asOf) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useClassification(customerId: number, asOf: string | undefined) {
  return useQuery({
    queryKey: ['classification', 'customer', customerId, asOf ?? null],
    queryFn: () =>
      data(api.GET('/customers/{id}/classification', { params: { path: { id: customerId }, query: asOfQuery(asOf) } })),
  });
}

export function useTrends(customerId: number, asOf: string | undefined) {
  return useQuery({
    queryKey: ['classification', 'trends', customerId, asOf ?? null],
    queryFn: () =>
      data(api.GET('/customers/{id}/trends', { params: { path: { id: customerId }, query: asOfQuery(asOf) } })),
  });
}

export function useDueReviews(asOf: string | undefined) {
  return useQuery({
    queryKey: ['reviews', 'due', asOf ?? null],
    queryFn: () => data(api.GET('/reviews/due', { params: { query: asOfQuery(asOf) } })),
    placeholderData: keepPreviousData,
  });
}

export function useMarkReviewed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, notes }: { customerId: number; notes?: string }) =>
      data(api.POST('/customers/{id}/reviews', { params: { path: { id: customerId } }, body: notes ? { notes } : {} })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['reviews'] }),
        queryClient.invalidateQueries({ queryKey: ['classification'] }),
      ]),
  });
}

export function useMovers(kind: MoverKind, asOf: string | undefined) {
  return useQuery({
    queryKey: ['classification', 'movers', kind, asOf ?? null],
    queryFn: () => data(api.GET('/reports/movers', { params: { query: { kind, ...asOfQuery(asOf) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useExpiringReports(asOf: string | undefined) {
  return useQuery({
    queryKey: ['classification', 'expiring', asOf ?? null],
    queryFn: () => data(api.GET('/reports/expiring-reports', { params: { query: asOfQuery(asOf) } })),
    placeholderData: keepPreviousData,
  });
}
