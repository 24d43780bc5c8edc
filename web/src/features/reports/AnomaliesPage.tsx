// Anomalies reported to management (RP-3, seed s001): sudden drops and surges in purchases, items that
// have just fallen overdue, limit breaches, expired credit reports and lost customers, as of a date, with
// a count per kind; management raises them into the alerts inboxes (the daily job does it by itself).
import { BellOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Segmented, Space, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import type { Language } from '@/i18n/languages';
import { dateInputFormat, formatDate, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { ANOMALY_KINDS, useAnomalies, useRunAnomalyAlerts, type AnomalyKind, type CustomerFigures } from './api';

type Item = CustomerFigures & { kind: AnomalyKind };

export const ANOMALY_COLORS: Record<AnomalyKind, string> = {
  purchase_drop: 'orange',
  purchase_surge: 'green',
  new_overdue: 'volcano',
  limit_breach: 'red',
  report_expired: 'gold',
  lost_customer: 'purple',
};

/** What the figures of an anomaly say, e.g. "CN¥40,000.00 in the last three months, against CN¥100,000.00 a year before". */
export function anomalyDetail(item: Item, t: TFunction, language: Language): string {
  switch (item.kind) {
    case 'purchase_drop':
    case 'purchase_surge':
      return t('reports.detail.purchases', {
        recent: formatMoney(item.recent_purchases, language),
        before: formatMoney(item.year_before_purchases, language),
      });
    case 'new_overdue':
      return t('reports.detail.new_overdue', { count: item.new_overdue_items, overdue: formatMoney(item.overdue, language) });
    case 'limit_breach':
      return t('reports.detail.limit_breach', {
        utilization: item.utilization_bp === null ? '—' : `${(item.utilization_bp / 100).toFixed(1)} %`,
        limit: formatMoney(item.limit, language),
      });
    case 'report_expired':
      return t('reports.detail.report_expired', { date: item.report_date ? formatDate(item.report_date, language) : '—' });
    case 'lost_customer':
      return t('reports.detail.lost_customer', {
        date: item.last_purchase ? formatDate(item.last_purchase, language) : '—',
        before: formatMoney(item.previous_purchases, language),
      });
  }
}

export default function AnomaliesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const { message } = App.useApp();
  const onError = useRequestError();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<AnomalyKind | 'all'>('all');
  const report = useAnomalies(asOf?.format('YYYY-MM-DD'));
  const run = useRunAnomalyAlerts();
  const mayRun = auth.can('reports.raise');
  const items = (report.data?.items ?? []).filter((i) => kind === 'all' || i.kind === kind);

  const columns: TableProps<Item>['columns'] = [
    {
      title: t('reports.kind'),
      dataIndex: 'kind',
      render: (k: AnomalyKind) => <Tag color={ANOMALY_COLORS[k]}>{t(`reports.kinds.${k}`)}</Tag>,
    },
    {
      title: t('reports.customer'),
      key: 'customer',
      render: (_: unknown, i) => (
        <Space direction="vertical" size={0}>
          <Link to={`/customers/${i.customer.id}?tab=credit`}>{i.customer.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.customer.code} · {i.owner?.name ?? t('reports.pool')}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('reports.detail_column'), key: 'detail', render: (_: unknown, i) => anomalyDetail(i, t, language) },
  ];

  return (
    <>
      <Space wrap align="center" style={{ marginBottom: 16, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.anomalies')}
        </Typography.Title>
        <Space wrap>
          <DatePicker
            value={asOf}
            onChange={setAsOf}
            format={dateInputFormat(language)}
            placeholder={t('reports.today')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            aria-label={t('reports.as_of')}
          />
          {mayRun && (
            <Button
              icon={<BellOutlined />}
              loading={run.isPending}
              data-testid="anomalies-raise"
              onClick={() =>
                run.mutate((asOf ?? dayjs()).format('YYYY-MM-DD'), {
                  onSuccess: (r) =>
                    r.ran
                      ? message.success(t('reports.raised', { count: r.raised ?? 0 }))
                      : message.info(t('reports.already_raised')),
                  onError: (e) => onError(e),
                })
              }
            >
              {t('reports.raise')}
            </Button>
          )}
        </Space>
      </Space>
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Segmented
            style={{ marginBottom: 12, flexWrap: 'wrap' }}
            value={kind}
            onChange={(v) => setKind(v as AnomalyKind | 'all')}
            data-testid="anomaly-kinds"
            options={[
              { value: 'all', label: `${t('reports.all')} (${report.data?.items.length ?? 0})` },
              ...ANOMALY_KINDS.map((k) => ({ value: k, label: `${t(`reports.kinds.${k}`)} (${report.data?.counts[k] ?? 0})` })),
            ]}
          />
          <Table<Item>
            rowKey={(i) => `${i.kind}-${i.customer.id}`}
            size="small"
            loading={report.isPending}
            dataSource={items}
            columns={columns}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('reports.no_anomalies')} /> }}
            data-testid="anomalies"
          />
        </>
      )}
    </>
  );
}
