import { describe, expect, it } from 'vitest';
import type { Schemas } from '@/api/client';
import { agingChartOption, BUCKETS, chartNumber, kpiChartOption, percent } from './receivables';

type AgingReport = Schemas['AgingReport'];
type KpiMonth = Schemas['KpiMonth'];

const amounts = (not_due: string, d1_30: string, total: string) => ({
  currency: 'CNY',
  not_due,
  d1_30,
  d31_60: '0.00',
  d61_90: '0.00',
  over_90: '0.00',
  total,
  past_due: d1_30,
});

const report = (n: number): AgingReport => ({
  as_of: '2026-03-02',
  group_by: 'customer',
  base_currency: 'CNY',
  buckets: [...BUCKETS],
  rows: Array.from({ length: n }, (_, i) => ({
    key: String(i + 1),
    label: `客户${i + 1}`,
    customers: 1,
    amounts: amounts('200.00', '700.50', '900.50'),
    currencies: [],
  })),
  total: amounts('0.00', '0.00', '0.00'),
  currencies: [],
  unconverted: [],
  note: null,
});

const month = (m: string, over: Partial<KpiMonth>): KpiMonth => ({
  month: m,
  dso_days: null,
  collection_rate_bp: null,
  fulfilment_rate_bp: null,
  overdue_ratio_bp: null,
  bad_debt_ratio_bp: null,
  totals: { currency: 'CNY', invoiced: '0.00', open: '0.00', overdue: '0.00', due: '0.00', collected: '0.00', ordered: '0.00', fulfilled: '0.00', written_off: '0.00' },
  ...over,
});

describe('receivables charts', () => {
  it('shows basis points as percentages and nothing as a dash', () => {
    expect(percent(2857)).toBe('28.6 %');
    expect(percent(10000)).toBe('100.0 %');
    expect(percent(0)).toBe('0.0 %');
    expect(percent(null)).toBe('—');
    expect(percent(undefined)).toBe('—');
  });

  it('draws decimals as numbers, anything else as zero', () => {
    expect(chartNumber('1234.50')).toBe(1234.5);
    expect(chartNumber(undefined)).toBe(0);
    expect(chartNumber('x')).toBe(0);
  });

  it('stacks the five buckets in order for the largest rows only', () => {
    const option = agingChartOption(report(20), (r) => r.label, (b) => `B:${b}`, 12);
    expect(option.yAxis.data).toHaveLength(12);
    expect(option.yAxis.data[0]).toBe('客户1');
    expect(option.series.map((s) => s.name)).toEqual(BUCKETS.map((b) => `B:${b}`));
    expect(new Set(option.series.map((s) => s.stack))).toEqual(new Set(['aging']));
    expect(option.series[0]!.data[0]).toBe(200);
    expect(option.series[1]!.data[0]).toBe(700.5);
  });

  it('puts DSO in days on the left axis and the ratios in percent on the right, leaving gaps', () => {
    const months = [
      month('2026-01', { dso_days: 31, collection_rate_bp: 2857, overdue_ratio_bp: 3181 }),
      month('2026-02', { dso_days: null, collection_rate_bp: 10000 }),
    ];
    const option = kpiChartOption(months, {
      dso: 'DSO',
      collection_rate_bp: 'C',
      fulfilment_rate_bp: 'F',
      overdue_ratio_bp: 'O',
      bad_debt_ratio_bp: 'B',
    });
    expect(option.xAxis.data).toEqual(['2026-01', '2026-02']);
    expect(option.series[0]).toMatchObject({ name: 'DSO', yAxisIndex: 0, data: [31, null] });
    expect(option.series[1]).toMatchObject({ name: 'C', yAxisIndex: 1, data: [28.57, 100] });
    expect(option.series[2]!.data).toEqual([null, null]);
    expect(option.series[3]!.data).toEqual([31.81, null]);
  });
});
