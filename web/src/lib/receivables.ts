// Pure helpers of the receivables reports (AR-2, AR-3), shared by the receivables pages and the dashboard:
// the aging buckets in order, the charts' options and the ratios as percentages. Amounts reach the charts
// as numbers (a chart only draws them); tables show the API's exact decimal strings.
import type { Schemas } from '@/api/client';

type AgingReport = Schemas['AgingReport'];
type KpiMonth = Schemas['KpiMonth'];

export const BUCKETS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'over_90'] as const;
export type Bucket = (typeof BUCKETS)[number];

// From calm to alarming: not yet due in green, then warmer colours the longer it is past due.
export const BUCKET_COLORS: Record<Bucket, string> = {
  not_due: '#52c41a',
  d1_30: '#fadb14',
  d31_60: '#fa8c16',
  d61_90: '#f5222d',
  over_90: '#820014',
};

/** "1234.50" → 1234.5, for drawing only. */
export function chartNumber(decimal: string | undefined): number {
  const n = Number(decimal ?? '0');
  return Number.isFinite(n) ? n : 0;
}

/** Basis points as a percentage with one decimal: 2857 → "28.6 %"; null → "—". */
export function percent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toFixed(1)} %`;
}

/** A stacked bar per row (the `limit` largest), one stack segment per bucket. */
export function agingChartOption(
  report: AgingReport,
  labelOf: (row: AgingReport['rows'][number]) => string,
  bucketLabel: (b: Bucket) => string,
  limit = 12,
) {
  const rows = report.rows.slice(0, limit);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: rows.map(labelOf), axisLabel: { width: 160, overflow: 'truncate' } },
    series: BUCKETS.map((b) => ({
      name: bucketLabel(b),
      type: 'bar',
      stack: 'aging',
      itemStyle: { color: BUCKET_COLORS[b] },
      data: rows.map((r) => chartNumber(r.amounts[b])),
    })),
  };
}

export const KPI_RATES = ['collection_rate_bp', 'fulfilment_rate_bp', 'overdue_ratio_bp', 'bad_debt_ratio_bp'] as const;
export type KpiRate = (typeof KPI_RATES)[number];

/** DSO on the left axis (days), the four ratios on the right (percent); a missing month value is a gap. */
export function kpiChartOption(months: KpiMonth[], labels: { dso: string } & Record<KpiRate, string>) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: labels.dso, minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      { name: labels.dso, type: 'line', yAxisIndex: 0, data: months.map((m) => m.dso_days ?? null), connectNulls: false },
      ...KPI_RATES.map((k) => ({
        name: labels[k],
        type: 'line',
        yAxisIndex: 1,
        data: months.map((m) => (m[k] === null || m[k] === undefined ? null : m[k] / 100)),
      })),
    ],
  };
}
