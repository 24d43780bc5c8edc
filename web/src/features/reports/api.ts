// The management reports (RP-1, RP-2, RP-3) as of a date, and the run of the anomaly alerts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, rawFetch, type Schemas } from '@/api/client';
import { saveResponse } from '@/lib/download';

export type CustomerFigures = Schemas['CustomerFigures'];
export type AnomalyKind = Schemas['AnomalyKind'];
export type Dashboard = Schemas['Dashboard'];
export type ExposureSummary = Schemas['ExposureSummary'];
export type UtilizationBand = Schemas['UtilizationBand'];
export type TopUtilization = ExposureSummary['top'][number];

/** The bands in the server's order, from no limit to over the limit. */
export const UTILIZATION_BANDS: readonly UtilizationBand[] = [
  'no_limit',
  'below_half',
  'half_to_first',
  'first_to_second',
  'second_to_limit',
  'over_limit',
];

export const ANOMALY_KINDS: readonly AnomalyKind[] = [
  'purchase_drop',
  'purchase_surge',
  'new_overdue',
  'limit_breach',
  'report_expired',
  'lost_customer',
];

/** The dashboard (RP-1) as of a date (today when none). */
export function useDashboard(asOf: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'dashboard', asOf ?? 'today'],
    queryFn: () => data(api.GET('/reports/dashboard', { params: { query: asOf ? { as_of: asOf } : {} } })),
    placeholderData: keepPreviousData,
  });
}

export function useBothEnds(asOf: string | undefined, limit: number) {
  return useQuery({
    queryKey: ['reports', 'both-ends', asOf ?? 'today', limit],
    queryFn: () =>
      data(api.GET('/reports/both-ends', { params: { query: { ...(asOf ? { as_of: asOf } : {}), limit } } })),
  });
}

export function useAnomalies(asOf: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'anomalies', asOf ?? 'today'],
    queryFn: () => data(api.GET('/reports/anomalies', { params: { query: asOf ? { as_of: asOf } : {} } })),
  });
}

/** Raises the day's anomalies into the inboxes (once per date). */
export function useRunAnomalyAlerts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (asOf: string) => data(api.POST('/jobs/alerts', { params: { query: { as_of: asOf } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}

/** Downloads the management report (RP-4) as of a date, in a format and language. */
export async function downloadManagementReport(format: 'xlsx' | 'pdf', language: string, asOf?: string): Promise<void> {
  const query = new URLSearchParams({ format, language, ...(asOf ? { as_of: asOf } : {}) });
  const response = await rawFetch(`/reports/management?${query.toString()}`);
  await saveResponse(response, `credo-management.${format}`);
}
