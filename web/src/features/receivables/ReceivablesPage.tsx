// Receivables (AR-2, AR-3), under Reports: the aging as of a chosen date by customer, region or owner —
// five buckets and their totals, a stacked bar per row — and the monthly KPIs with their trend lines.
// What each reader sees is the server's scope (a salesperson: its own customers). The tab is kept in
// the address (?tab=kpis) so that it can be linked to.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Empty, Segmented, Select, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, data } from '@/api/client';
import { ErrorState } from '@/components/ErrorState';
import { dateInputFormat, formatDate, formatDecimal } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useAging, useKpis, type AgingAmounts, type AgingRow, type GroupBy, type KpiMonth } from './api';
import { agingChartOption, BUCKETS, BUCKET_COLORS, kpiChartOption, KPI_RATES, percent, type Bucket } from '@/lib/receivables';

const Chart = lazy(() => import('@/components/Chart'));

const amountCell = (value: string | undefined, language: ReturnType<typeof useLanguage>) => (
  <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatDecimal(value ?? '0', language)}</span>
);

function AgingTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const [groupBy, setGroupBy] = useState<GroupBy>('customer');
  const [region, setRegion] = useState<string | undefined>(undefined);
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => data(api.GET('/regions')), staleTime: Infinity });
  const query = { as_of: asOf.format('YYYY-MM-DD'), group_by: groupBy, ...(region ? { region } : {}) };
  const aging = useAging(query);
  const report = aging.data;
  const regionName = (code: string) => t(`regions.${code}`, { defaultValue: code });
  const rowLabel = (row: AgingRow) =>
    groupBy === 'region' ? regionName(row.key) : groupBy === 'owner' && !row.key ? t('ar_reports.no_owner') : row.label;
  const bucketLabel = (b: Bucket) => t(`ar_reports.bucket.${b}`);

  const option = useMemo(
    () => (report ? agingChartOption(report, rowLabel, bucketLabel) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report, groupBy, language],
  );

  const columns = [
    {
      title: t(`ar_reports.group.${groupBy}`),
      key: 'label',
      fixed: 'left' as const,
      render: (_: unknown, row: AgingRow) =>
        groupBy === 'customer' ? (
          <Space direction="vertical" size={0}>
            <Link to={`/customers/${row.key}`}>{row.label}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.code}
            </Typography.Text>
          </Space>
        ) : (
          rowLabel(row)
        ),
    },
    ...(groupBy === 'customer'
      ? []
      : [{ title: t('ar_reports.customers'), dataIndex: 'customers', key: 'customers', align: 'right' as const }]),
    ...BUCKETS.map((b) => ({
      title: (
        <Space size={4}>
          <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: BUCKET_COLORS[b] }} />
          {bucketLabel(b)}
        </Space>
      ),
      key: b,
      align: 'right' as const,
      render: (_: unknown, row: AgingRow) => amountCell(row.amounts[b], language),
    })),
    {
      title: t('ar_reports.total'),
      key: 'total',
      align: 'right' as const,
      render: (_: unknown, row: AgingRow) => <strong>{amountCell(row.amounts.total, language)}</strong>,
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="middle">
        <Space>
          <Typography.Text>{t('ar_reports.as_of')}</Typography.Text>
          <DatePicker
            value={asOf}
            onChange={(d) => d && setAsOf(d)}
            allowClear={false}
            format={dateInputFormat(language)}
            aria-label={t('ar_reports.as_of')}
            data-testid="aging-as-of"
          />
        </Space>
        <Segmented<GroupBy>
          value={groupBy}
          onChange={setGroupBy}
          options={(['customer', 'region', 'owner'] as const).map((g) => ({ value: g, label: t(`ar_reports.group.${g}`) }))}
          data-testid="aging-group-by"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('ar_reports.all_regions')}
          value={region}
          onChange={(v: string | undefined) => setRegion(v || undefined)}
          options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: regionName(r.code) }))}
          aria-label={t('ar_reports.region')}
        />
      </Space>
      {aging.isError ? (
        <ErrorState error={aging.error} onRetry={() => void aging.refetch()} />
      ) : (
        <>
          {report?.note && <Alert type="info" showIcon message={t('ar_reports.empty')} description={report.note} data-testid="aging-note" />}
          {report && report.unconverted.length > 0 && (
            <Alert type="warning" showIcon message={t('ar_reports.unconverted', { currencies: report.unconverted.join(', '), base: report.base_currency })} />
          )}
          {report && report.rows.length > 0 && option && (
            <Card size="small" title={t('ar_reports.chart_title', { count: Math.min(report.rows.length, 12) })}>
              <Suspense fallback={<Skeleton active />}>
                <Chart option={option} height={Math.max(220, 36 * Math.min(report.rows.length, 12) + 80)} label={t('ar_reports.chart_title', { count: Math.min(report.rows.length, 12) })} />
              </Suspense>
            </Card>
          )}
          <Card
            size="small"
            title={report ? t('ar_reports.aging_title', { date: formatDate(report.as_of, language), currency: report.base_currency }) : t('ar_reports.aging')}
          >
            <Table<AgingRow>
              rowKey={(r) => r.key || '-'}
              size="small"
              loading={aging.isFetching}
              dataSource={report?.rows ?? []}
              columns={columns}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ar_reports.nothing_open')} /> }}
              data-testid="aging-table"
              summary={() =>
                report ? (
                  <Table.Summary fixed>
                    <Table.Summary.Row data-testid="aging-total">
                      <Table.Summary.Cell index={0}>
                        <strong>{t('ar_reports.total')}</strong>
                      </Table.Summary.Cell>
                      {groupBy !== 'customer' && (
                        <Table.Summary.Cell index={1} align="right">
                          {report.rows.reduce((n, r) => n + r.customers, 0)}
                        </Table.Summary.Cell>
                      )}
                      {[...BUCKETS, 'total' as const].map((b, i) => (
                        <Table.Summary.Cell key={b} index={i + 2} align="right">
                          <strong>{amountCell(report.total[b], language)}</strong>
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  </Table.Summary>
                ) : null
              }
            />
          </Card>
          {report && report.currencies.length > 0 && (
            <Card size="small" title={t('ar_reports.by_currency')}>
              <Table<AgingAmounts>
                rowKey="currency"
                size="small"
                pagination={false}
                dataSource={report.currencies}
                scroll={{ x: 'max-content' }}
                data-testid="aging-currencies"
                columns={[
                  { title: t('ar_reports.currency'), dataIndex: 'currency' },
                  ...BUCKETS.map((b) => ({
                    title: bucketLabel(b),
                    key: b,
                    align: 'right' as const,
                    render: (_: unknown, a: AgingAmounts) => amountCell(a[b], language),
                  })),
                  { title: t('ar_reports.total'), key: 'total', align: 'right' as const, render: (_: unknown, a: AgingAmounts) => amountCell(a.total, language) },
                  {
                    title: t('ar_reports.rate', { base: report.base_currency }),
                    key: 'rate',
                    align: 'right' as const,
                    render: (_: unknown, a: AgingAmounts) => (a.rate ? formatDecimal(a.rate, language) : '—'),
                  },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </Space>
  );
}

function KpiTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(11, 'month'), dayjs()]);
  const kpis = useKpis({ from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') });
  const report = kpis.data;
  const labels = useMemo(
    () => ({
      dso: t('ar_reports.kpi.dso'),
      collection_rate_bp: t('ar_reports.kpi.collection_rate'),
      fulfilment_rate_bp: t('ar_reports.kpi.fulfilment_rate'),
      overdue_ratio_bp: t('ar_reports.kpi.overdue_ratio'),
      bad_debt_ratio_bp: t('ar_reports.kpi.bad_debt_ratio'),
    }),
    [t],
  );
  const option = useMemo(() => (report ? kpiChartOption(report.months, labels) : null), [report, labels]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('ar_reports.months')}</Typography.Text>
        <DatePicker.RangePicker
          picker="month"
          value={range}
          allowClear={false}
          onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
          data-testid="kpi-range"
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('ar_reports.kpi.explain')}
      </Typography.Paragraph>
      {kpis.isError ? (
        <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : (
        <>
          {report?.notes.map((n) => <Alert key={n} type="info" showIcon message={n} />)}
          {option && (
            <Card size="small" title={t('ar_reports.kpi.trend')}>
              <Suspense fallback={<Skeleton active />}>
                <Chart option={option} height={320} label={t('ar_reports.kpi.trend')} />
              </Suspense>
            </Card>
          )}
          <Card size="small" title={report ? t('ar_reports.kpi.table', { currency: report.base_currency }) : undefined}>
            <Table<KpiMonth>
              rowKey="month"
              size="small"
              loading={kpis.isFetching}
              dataSource={report?.months ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="kpi-table"
              columns={[
                { title: t('ar_reports.month'), dataIndex: 'month' },
                { title: labels.dso, dataIndex: 'dso_days', align: 'right' as const, render: (v: number | null) => v ?? '—' },
                ...KPI_RATES.map((k) => ({
                  title: labels[k],
                  key: k,
                  align: 'right' as const,
                  render: (_: unknown, m: KpiMonth) => percent(m[k]),
                })),
                ...(['invoiced', 'open', 'overdue', 'due', 'collected'] as const).map((k) => ({
                  title: t(`ar_reports.kpi.${k}`),
                  key: k,
                  align: 'right' as const,
                  render: (_: unknown, m: KpiMonth) => amountCell(m.totals[k], language),
                })),
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

export default function ReceivablesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'kpis' ? 'kpis' : 'aging';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ar_reports.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch(k === 'kpis' ? { tab: 'kpis' } : {}, { replace: true })}
        destroyInactiveTabPane
        items={[
          { key: 'aging', label: t('ar_reports.aging'), children: <AgingTab /> },
          { key: 'kpis', label: t('ar_reports.kpis'), children: <KpiTab /> },
        ]}
      />
    </Space>
  );
}
