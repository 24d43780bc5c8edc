// Tiers and distribution (CL-5): how many customers fall in each tier, grade, region or owner as of a
// date, within the reader's scope, as a pie, a bar chart and a table whose counts add up to the total
// and whose shares add up to exactly 100 % (the server rounds them by the largest remainder).
import { Alert, Card, Col, Empty, Row, Segmented, Space, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { AsOfPicker } from '@/components/AsOfPicker';
import { ErrorState } from '@/components/ErrorState';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useDistribution, type DistributionBy } from './api';
import { formatShare, groupLabel, totals } from '@/lib/distribution';

const Chart = lazy(() => import('@/components/Chart'));
const BY: DistributionBy[] = ['tier', 'grade', 'region', 'owner'];

export default function DistributionPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  // The grouping and the date are kept in the address, so that a link (the dashboard's) can open either.
  const [search, setSearch] = useSearchParams();
  const byParam = search.get('by') as DistributionBy | null;
  const by: DistributionBy = byParam && BY.includes(byParam) ? byParam : 'tier';
  const asOf = search.get('as_of') ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const setBy = (v: DistributionBy) => set('by', v === 'tier' ? undefined : v);
  const setAsOf = (v: string | undefined) => set('as_of', v);
  const report = useDistribution(by, asOf);
  const rows = useMemo(
    () => (report.data?.groups ?? []).map((g) => ({ ...g, name: groupLabel(t, by, g.key, g.label) })),
    [report.data, by, t],
  );
  const sum = totals(rows);
  const pie = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: rows.filter((r) => r.count > 0).map((r) => ({ name: r.name, value: r.count })) }],
    }),
    [rows],
  );
  const bar = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: rows.map((r) => r.count) }],
    }),
    [rows],
  );

  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('classification.distribution_title')}
          </Typography.Title>
          <Space wrap>
            <Segmented<DistributionBy>
              value={by}
              onChange={(v) => setBy(v)}
              options={BY.map((b) => ({ value: b, label: t(`classification.by.${b}`) }))}
              data-testid="distribution-by"
            />
            <AsOfPicker value={asOf} onChange={setAsOf} />
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('classification.distribution_explain')}
        </Typography.Paragraph>
      </Card>
      {report.data?.reason && <Alert type="info" showIcon message={report.data.reason} data-testid="distribution-reason" />}
      {sum.count > 0 && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('classification.share_chart')}>
              <Suspense fallback={<div style={{ height: 280 }} />}>
                <Chart option={pie} label={t('classification.share_chart')} />
              </Suspense>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('classification.count_chart')}>
              <Suspense fallback={<div style={{ height: 280 }} />}>
                <Chart option={bar} label={t('classification.count_chart')} />
              </Suspense>
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small">
        <Table
          rowKey="key"
          size="small"
          loading={report.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty description={t('classification.no_customers')} /> }}
          data-testid="distribution-table"
          columns={[
            { title: t(`classification.by.${by}`), dataIndex: 'name' },
            { title: t('classification.count'), dataIndex: 'count', align: 'right', render: (v: number) => formatNumber(v, language) },
            { title: t('classification.share'), dataIndex: 'share_bp', align: 'right', render: (v: number) => formatShare(v) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('classification.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong data-testid="distribution-total">{formatNumber(sum.count, language)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong data-testid="distribution-total-share">{formatShare(sum.share_bp)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
    </Space>
  );
}
