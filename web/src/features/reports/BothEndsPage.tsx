// "Both ends" (RP-2, seed s001): the biggest customers by the twelve months' purchases and the riskiest
// by delay, overdue amount, grade and score, side by side, as of a date, over the reader's files.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Dropdown, Empty, InputNumber, Row, Space, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@/components/ErrorState';
import { gradeLabel } from '@/lib/credit';
import { dateInputFormat, formatMoney, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useRequestError } from '@/app/requestErrors';
import { downloadManagementReport, useBothEnds, type CustomerFigures } from './api';

/** The aging bucket of a delay, as the report ranks risk: 0 none, 1 1–30, 2 31–60, 3 61–90, 4 over 90 days. */
export function delayBucket(days: number): number {
  if (days > 90) return 4;
  if (days > 60) return 3;
  if (days > 30) return 2;
  if (days > 0) return 1;
  return 0;
}

const BUCKET_COLORS = ['default', 'gold', 'orange', 'volcano', 'red'];

/** The customer's share of the total purchases, in per cent with one decimal (0 when there were none). */
export function shareOf(part: string, total: string): number {
  const t = Number(total);
  if (!(t > 0)) return 0;
  return Math.round((Number(part) / t) * 1000) / 10;
}

export default function BothEndsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [limit, setLimit] = useState(10);
  const report = useBothEnds(asOf?.format('YYYY-MM-DD'), limit);
  const onError = useRequestError();
  const [downloading, setDownloading] = useState(false);
  const download = async (format: 'xlsx' | 'pdf') => {
    setDownloading(true);
    try {
      await downloadManagementReport(format, language, asOf?.format('YYYY-MM-DD'));
    } catch (e) {
      onError(e);
    } finally {
      setDownloading(false);
    }
  };

  const customer = {
    title: t('reports.customer'),
    key: 'customer',
    render: (_: unknown, f: CustomerFigures) => (
      <Space direction="vertical" size={0}>
        <Link to={`/customers/${f.customer.id}?tab=credit`}>{f.customer.name}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {f.customer.code} · {f.owner?.name ?? t('reports.pool')}
        </Typography.Text>
      </Space>
    ),
  };
  const grade = {
    title: t('reports.grade'),
    key: 'grade',
    render: (_: unknown, f: CustomerFigures) =>
      f.grade ? `${gradeLabel(f.grade, t)}${f.score !== null ? ` · ${f.score}` : ''}` : '—',
  };
  const biggestColumns: TableProps<CustomerFigures>['columns'] = [
    { title: '#', key: 'rank', width: 40, render: (_: unknown, __: CustomerFigures, i: number) => i + 1 },
    customer,
    {
      title: t('reports.purchases'),
      key: 'purchases',
      align: 'right',
      render: (_: unknown, f) => (
        <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Typography.Text strong>{formatMoney(f.purchases, language)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatNumber(shareOf(f.purchases.amount, report.data?.total_purchases.amount ?? '0') / 100, language, {
              style: 'percent',
              maximumFractionDigits: 1,
            })}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('reports.open'), key: 'open', align: 'right', render: (_: unknown, f) => formatMoney(f.open, language) },
    grade,
  ];
  const riskiestColumns: TableProps<CustomerFigures>['columns'] = [
    { title: '#', key: 'rank', width: 40, render: (_: unknown, __: CustomerFigures, i: number) => i + 1 },
    customer,
    {
      title: t('reports.overdue'),
      key: 'overdue',
      align: 'right',
      render: (_: unknown, f) => (
        <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Typography.Text strong type={f.overdue.amount !== '0.00' ? 'danger' : undefined}>
            {formatMoney(f.overdue, language)}
          </Typography.Text>
          {f.max_days_past_due > 0 && (
            <Tag color={BUCKET_COLORS[delayBucket(f.max_days_past_due)]} data-testid="delay">
              {t('reports.days_late', { count: f.max_days_past_due })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('reports.utilization'),
      key: 'utilization',
      align: 'right',
      render: (_: unknown, f) =>
        f.utilization_bp === null
          ? '—'
          : formatNumber(f.utilization_bp / 10000, language, { style: 'percent', maximumFractionDigits: 1 }),
    },
    grade,
  ];

  return (
    <>
      <Space wrap align="center" style={{ marginBottom: 16, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.both_ends')}
        </Typography.Title>
        <Space wrap>
          <DatePicker
            value={asOf}
            onChange={setAsOf}
            format={dateInputFormat(language)}
            placeholder={t('reports.today')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            aria-label={t('reports.as_of')}
            data-testid="both-ends-as-of"
          />
          <InputNumber
            min={1}
            max={100}
            value={limit}
            onChange={(v) => setLimit(v ?? 10)}
            addonBefore={t('reports.top')}
            aria-label={t('reports.top')}
          />
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: 'XLSX' },
                { key: 'pdf', label: 'PDF' },
              ],
              onClick: ({ key }) => void download(key as 'xlsx' | 'pdf'),
            }}
          >
            <Button icon={<DownloadOutlined />} loading={downloading} data-testid="management-report">
              {t('reports.management_report')}
            </Button>
          </Dropdown>
        </Space>
      </Space>
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          {report.data && (
            <Typography.Paragraph type="secondary" data-testid="both-ends-summary">
              {t('reports.both_ends_summary', {
                customers: formatNumber(report.data.customers, language),
                total: formatMoney(report.data.total_purchases, language),
              })}
            </Typography.Paragraph>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('reports.biggest')} data-testid="biggest">
                <Table<CustomerFigures>
                  rowKey={(f) => f.customer.id}
                  size="small"
                  loading={report.isPending}
                  dataSource={report.data?.biggest ?? []}
                  columns={biggestColumns}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: <Empty description={t('reports.no_purchases')} /> }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('reports.riskiest')} data-testid="riskiest">
                <Table<CustomerFigures>
                  rowKey={(f) => f.customer.id}
                  size="small"
                  loading={report.isPending}
                  dataSource={report.data?.riskiest ?? []}
                  columns={riskiestColumns}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: <Empty description={t('reports.no_risk')} /> }}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
