// Growing and lost customers (DY-4) and credit reports about to expire or expired (DY-2), as of a date,
// within the reader's scope. Each list states the rule that selected it.
import { Alert, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { AsOfPicker } from '@/components/AsOfPicker';
import { ErrorState } from '@/components/ErrorState';
import { formatDate, formatDecimal } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useExpiringReports, useMovers, type ExpiringReport, type Mover, type MoverKind } from './api';
import { TierTag } from './DueReviewsPage';
import { formatShare } from '@/lib/distribution';

function MoverList({ kind, asOf }: { kind: MoverKind; asOf: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const movers = useMovers(kind, asOf);
  if (movers.isError) return <ErrorState error={movers.error} onRetry={() => void movers.refetch()} />;
  const rule =
    kind === 'growing'
      ? t('movers.rule_growing', { pct: movers.data?.growth_pct ?? 50 })
      : t('movers.rule_lost', { months: movers.data?.lost_months ?? 6 });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={rule} data-testid={`movers-rule-${kind}`} />
      <Table<Mover>
        rowKey="id"
        size="small"
        loading={movers.isLoading}
        dataSource={movers.data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('movers.none')} /> }}
        data-testid={`movers-${kind}`}
        columns={[
          { title: t('customer.name'), dataIndex: 'name', render: (_: string, r) => <Link to={`/customers/${r.id}?tab=classification`}>{r.name}</Link> },
          { title: t('classification.tier'), dataIndex: 'tier', render: (v: string) => <TierTag tier={v} /> },
          { title: t('movers.last_12'), dataIndex: 'last_12_months', align: 'right', render: (v: string) => formatDecimal(v, language) },
          { title: t('movers.previous_12'), dataIndex: 'previous_12_months', align: 'right', render: (v: string) => formatDecimal(v, language) },
          {
            title: t('movers.growth'),
            dataIndex: 'growth_bp',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatShare(v)),
          },
          { title: t('movers.last_purchase'), dataIndex: 'last_purchase', render: (v: string | null) => formatDate(v, language) },
          { title: t('movers.reason'), dataIndex: 'reason', render: (v: string) => <Tag>{t(`movers.reasons.${v}`)}</Tag> },
        ]}
      />
    </Space>
  );
}

function ExpiringList({ asOf }: { asOf: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reports = useExpiringReports(asOf);
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={t('expiring.rule', { notice: reports.data?.notice_days ?? 30, validity: reports.data?.validity_days ?? 365 })}
      />
      <Table<ExpiringReport>
        rowKey="id"
        size="small"
        loading={reports.isLoading}
        dataSource={reports.data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('expiring.none')} /> }}
        data-testid="expiring-reports"
        columns={[
          { title: t('customer.name'), dataIndex: 'name', render: (_: string, r) => <Link to={`/customers/${r.id}?tab=credit`}>{r.name}</Link> },
          { title: t('expiring.source'), dataIndex: 'source', render: (v: string) => t(`expiring.sources.${v}`) },
          { title: t('expiring.report_day'), dataIndex: 'report_day', render: (v: string) => formatDate(v, language) },
          { title: t('expiring.expires'), dataIndex: 'expires', render: (v: string) => formatDate(v, language) },
          {
            title: t('expiring.status'),
            dataIndex: 'days_left',
            render: (v: number, r) =>
              r.expired ? (
                <Tag color="red">{t('expiring.expired', { count: -v })}</Tag>
              ) : (
                <Tag color="orange">{t('expiring.days_left', { count: v })}</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}

const TABS = ['growing', 'lost', 'expiring'] as const;

export default function MoversPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const tab = TABS.find((x) => x === search.get('tab')) ?? 'growing';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('movers.title')}
          </Typography.Title>
          <AsOfPicker value={asOf} onChange={setAsOf} />
        </Space>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setSearch(k === 'growing' ? {} : { tab: k })}
          items={[
            { key: 'growing', label: t('movers.growing'), children: <MoverList kind="growing" asOf={asOf} /> },
            { key: 'lost', label: t('movers.lost'), children: <MoverList kind="lost" asOf={asOf} /> },
            { key: 'expiring', label: t('expiring.title'), children: <ExpiringList asOf={asOf} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
