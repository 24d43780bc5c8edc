// The management dashboard (RP-1): tier and grade distribution, exposure against credit limits, the aging
// by region and the collections trend of the twelve months up to the chosen date, on one page, over the
// reader's customers. Each part links to the report it summarizes. The exposure is today's whatever the
// date (credit accounts hold the current exposure), and the page says so.
import { Alert, Card, Col, DatePicker, Empty, Row, Skeleton, Space, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ChartOption } from '@/components/Chart';
import { ErrorState } from '@/components/ErrorState';
import { gradeLabel } from '@/lib/credit';
import { formatShare, groupLabel } from '@/lib/distribution';
import { dateInputFormat, formatDate, formatMoney, formatNumber } from '@/lib/format';
import { agingChartOption, kpiChartOption, type Bucket } from '@/lib/receivables';
import { useLanguage } from '@/lib/useLanguage';
import { useDashboard, UTILIZATION_BANDS, type Dashboard, type TopUtilization } from './api';
import { BAND_COLORS, bandChartOption, bandLabel, distributionPieOption, percentOf } from './dashboard';

const Chart = lazy(() => import('@/components/Chart'));

function ChartBox({ option, label, height = 260 }: { option: ChartOption; label: string; height?: number }) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <Chart option={option} label={label} height={height} />
    </Suspense>
  );
}

function DistributionCard({ report, by, testId }: { report: Dashboard['tiers']; by: 'tier' | 'grade'; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = t(`dashboard.${by === 'tier' ? 'tiers' : 'grades'}`);
  const option = useMemo(
    () => distributionPieOption(report.groups, (key, label) => groupLabel(t, by, key, label)),
    [report, by, t],
  );
  return (
    <Card
      size="small"
      title={title}
      extra={<Link to={`/reports/tiers?by=${by}&as_of=${report.as_of}`}>{t('dashboard.details')}</Link>}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      {report.total === 0 ? (
        <Empty description={report.reason ?? t('classification.no_customers')} />
      ) : (
        <>
          <ChartBox option={option} label={title} height={220} />
          <Space wrap size={[12, 4]}>
            {report.groups.map((g) => (
              <Typography.Text key={g.key || '-'} type="secondary" style={{ fontSize: 12 }}>
                {groupLabel(t, by, g.key, g.label)}: {formatNumber(g.count, language)} · {formatShare(g.share_bp)}
              </Typography.Text>
            ))}
          </Space>
        </>
      )}
    </Card>
  );
}

function ExposureCard({ exposure }: { exposure: Dashboard['exposure'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = (band: (typeof UTILIZATION_BANDS)[number]) => bandLabel(t, band, exposure.levels, language);
  const option = useMemo(
    () => bandChartOption(exposure, (b) => bandLabel(t, b, exposure.levels, language)),
    [exposure, t, language],
  );
  const columns: TableProps<TopUtilization>['columns'] = [
    {
      title: t('reports.customer'),
      key: 'customer',
      render: (_: unknown, r) => (
        <Space direction="vertical" size={0}>
          <Link to={`/customers/${r.customer.id}?tab=credit`}>{r.customer.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.customer.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('dashboard.exposure_of_limit'),
      key: 'exposure',
      align: 'right',
      render: (_: unknown, r) => (
        <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>{formatMoney(r.exposure, language)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t('dashboard.of_limit', { limit: formatMoney(r.limit, language) })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('reports.utilization'),
      key: 'utilization',
      align: 'right',
      render: (_: unknown, r) => (
        <Tag color={r.utilization_bp > 10000 ? 'red' : r.utilization_bp >= exposure.levels.first_bp ? 'orange' : 'default'}>
          {percentOf(r.utilization_bp, language, 1)}
        </Tag>
      ),
    },
    {
      title: t('credit.grade'),
      key: 'grade',
      render: (_: unknown, r) => (
        <Space size={4}>
          {r.grade ? gradeLabel(r.grade, t) : '—'}
          {r.on_hold && <Tag color="red">{t('credit.on_hold')}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('dashboard.exposure')}
      extra={
        <Typography.Text type="secondary" data-testid="exposure-as-of">
          {t('dashboard.exposure_as_of', {
            date: formatDate(exposure.exposure_as_of, language),
            rates: formatDate(exposure.as_of, language),
          })}
        </Typography.Text>
      }
      data-testid="dashboard-exposure"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {exposure.unconverted.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('ar_reports.unconverted', { currencies: exposure.unconverted.join(', '), base: exposure.currency })}
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('dashboard.limits')} value={formatMoney(exposure.limit, language)} data-testid="exposure-limit" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('dashboard.exposure_total')} value={formatMoney(exposure.exposure, language)} data-testid="exposure-total" />
            {/[1-9]/.test(exposure.unlimited_exposure.amount) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dashboard.unlimited', { amount: formatMoney(exposure.unlimited_exposure, language) })}
              </Typography.Text>
            )}
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('dashboard.utilization')}
              value={exposure.utilization_bp === null ? '—' : percentOf(exposure.utilization_bp, language, 1)}
              data-testid="exposure-utilization"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('dashboard.on_hold')}
              value={t('dashboard.of_accounts', {
                count: exposure.accounts,
                held: formatNumber(exposure.on_hold, language),
                accounts: formatNumber(exposure.accounts, language),
              })}
              data-testid="exposure-on-hold"
            />
          </Col>
        </Row>
        {exposure.accounts === 0 ? (
          <Empty description={t('dashboard.no_accounts')} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Typography.Title level={5}>{t('dashboard.bands')}</Typography.Title>
              <ChartBox option={option} label={t('dashboard.bands')} height={240} />
              <Space wrap size={[12, 4]} data-testid="exposure-bands">
                {exposure.bands.map((b) => (
                  <Space key={b.band} size={4}>
                    <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: BAND_COLORS[b.band] }} />
                    <Typography.Text style={{ fontSize: 12 }}>
                      {label(b.band)}: {formatNumber(b.accounts, language)}
                    </Typography.Text>
                  </Space>
                ))}
              </Space>
            </Col>
            <Col xs={24} xl={14}>
              <Typography.Title level={5}>{t('dashboard.top', { count: exposure.top.length })}</Typography.Title>
              <Table<TopUtilization>
                rowKey={(r) => r.customer.id}
                size="small"
                pagination={false}
                dataSource={exposure.top}
                columns={columns}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <Empty description={t('dashboard.no_limits')} /> }}
                data-testid="exposure-top"
              />
            </Col>
          </Row>
        )}
      </Space>
    </Card>
  );
}

function AgingCard({ aging }: { aging: Dashboard['aging'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = t('dashboard.aging', { currency: aging.base_currency });
  const option = useMemo(() => {
    const base = agingChartOption(
      aging,
      (row) => t(`regions.${row.key}`, { defaultValue: row.label || row.key }),
      (b: Bucket) => t(`ar_reports.bucket.${b}`),
    );
    // The card is narrow: amounts on the axis in the short form ("1.8M", "180万").
    const compact = (v: number) => formatNumber(v, language, { notation: 'compact', maximumFractionDigits: 1 });
    return { ...base, xAxis: { ...base.xAxis, axisLabel: { formatter: compact } } };
  }, [aging, t, language]);
  return (
    <Card
      size="small"
      title={title}
      extra={<Link to="/reports/receivables">{t('dashboard.details')}</Link>}
      data-testid="dashboard-aging"
      style={{ height: '100%' }}
    >
      <Typography.Paragraph data-testid="aging-summary">
        {t('dashboard.aging_total', {
          open: formatMoney({ amount: aging.total.total, currency: aging.base_currency }, language),
          past_due: formatMoney({ amount: aging.total.past_due, currency: aging.base_currency }, language),
        })}
      </Typography.Paragraph>
      {aging.unconverted.length > 0 && (
        <Alert type="warning" showIcon message={t('ar_reports.unconverted', { currencies: aging.unconverted.join(', '), base: aging.base_currency })} />
      )}
      {aging.rows.length === 0 ? (
        <Empty description={aging.note ?? t('ar_reports.nothing_open')} />
      ) : (
        <ChartBox option={option} label={title} height={Math.max(200, 40 * aging.rows.length + 80)} />
      )}
    </Card>
  );
}

function CollectionsCard({ collections }: { collections: Dashboard['collections'] }) {
  const { t } = useTranslation();
  const title = t('dashboard.collections', { from: collections.from, to: collections.to });
  const option = useMemo(
    () =>
      kpiChartOption(collections.months, {
        dso: t('ar_reports.kpi.dso'),
        collection_rate_bp: t('ar_reports.kpi.collection_rate'),
        fulfilment_rate_bp: t('ar_reports.kpi.fulfilment_rate'),
        overdue_ratio_bp: t('ar_reports.kpi.overdue_ratio'),
        bad_debt_ratio_bp: t('ar_reports.kpi.bad_debt_ratio'),
      }),
    [collections, t],
  );
  return (
    <Card
      size="small"
      title={title}
      extra={<Link to="/reports/receivables?tab=kpis">{t('dashboard.details')}</Link>}
      data-testid="dashboard-collections"
      style={{ height: '100%' }}
    >
      <ChartBox option={option} label={title} height={300} />
    </Card>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const dashboard = useDashboard(asOf?.format('YYYY-MM-DD'));
  const d = dashboard.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <DatePicker
          value={asOf}
          onChange={setAsOf}
          format={dateInputFormat(language)}
          placeholder={t('reports.today')}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          aria-label={t('reports.as_of')}
          data-testid="dashboard-as-of"
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="dashboard-summary">
        {d
          ? t('dashboard.summary', {
              date: formatDate(d.as_of, language),
              count: d.tiers.total,
              customers: formatNumber(d.tiers.total, language),
            })
          : t('dashboard.explain')}
      </Typography.Paragraph>
      {dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <DistributionCard report={d.tiers} by="tier" testId="dashboard-tiers" />
            </Col>
            <Col xs={24} lg={12}>
              <DistributionCard report={d.grades} by="grade" testId="dashboard-grades" />
            </Col>
          </Row>
          <ExposureCard exposure={d.exposure} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <AgingCard aging={d.aging} />
            </Col>
            <Col xs={24} xl={14}>
              <CollectionsCard collections={d.collections} />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
