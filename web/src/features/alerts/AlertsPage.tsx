// The signed-in user's alerts inbox (every role): newest first, paged, with the unread ones marked and
// the actions to mark one or all of them read.
import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@/components/ErrorState';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useAlerts, useMarkAllRead, useMarkRead, type AlertFilters } from './api';
import { alertMessage, alertTarget, KIND_COLORS, kindLabel, type Alert } from './messages';

export default function AlertsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filters, setFilters] = useState<AlertFilters>({ unread: false, page: 1, page_size: 50 });
  const alerts = useAlerts(filters);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const unread = alerts.data?.unread ?? 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.alerts')}
        </Typography.Title>
        <Space wrap>
          <Checkbox
            checked={filters.unread}
            onChange={(e) => setFilters((f) => ({ ...f, page: 1, unread: e.target.checked }))}
            data-testid="alerts-unread-only"
          >
            {t('alerts.unread_only')}
          </Checkbox>
          <Button
            icon={<CheckOutlined />}
            disabled={unread === 0}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
            data-testid="alerts-read-all"
          >
            {t('alerts.mark_all_read')}
          </Button>
        </Space>
      </Flex>
      {alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <Table<Alert>
          rowKey="id"
          size="small"
          loading={alerts.isFetching}
          dataSource={alerts.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filters.page,
            pageSize: filters.page_size,
            total: alerts.data?.total ?? 0,
            showTotal: (n) => t('alerts.total', { count: n, unread }),
            onChange: (page, page_size) => setFilters((f) => ({ ...f, page, page_size })),
          }}
          columns={[
            {
              title: t('alerts.kind'),
              dataIndex: 'kind',
              width: 150,
              render: (k: Alert['kind']) => <Tag color={KIND_COLORS[k]}>{kindLabel(k, t)}</Tag>,
            },
            {
              title: t('alerts.message_column'),
              render: (_: unknown, a) => {
                const text = alertMessage(a, t, language);
                const strong = a.read_at === null;
                const target = alertTarget(a);
                return target !== '/alerts' ? (
                  <Link to={target} style={{ fontWeight: strong ? 600 : undefined }}>
                    {text}
                  </Link>
                ) : (
                  <Typography.Text strong={strong}>{text}</Typography.Text>
                );
              },
            },
            { title: t('alerts.day'), dataIndex: 'day', width: 130, render: (d: string) => formatDate(d, language) },
            {
              title: t('alerts.created_at'),
              dataIndex: 'created_at',
              width: 180,
              render: (v: string) => formatDateTime(v, language),
            },
            {
              title: t('alerts.state'),
              dataIndex: 'read_at',
              width: 180,
              render: (v: string | null) =>
                v ? (
                  <Typography.Text type="secondary">{t('alerts.read_on', { at: formatDateTime(v, language) })}</Typography.Text>
                ) : (
                  <Badge status="processing" text={t('alerts.unread')} />
                ),
            },
            {
              title: t('alerts.actions'),
              width: 140,
              render: (_: unknown, a) =>
                a.read_at === null ? (
                  <Button
                    size="small"
                    loading={markRead.isPending && markRead.variables === a.id}
                    onClick={() => markRead.mutate(a.id)}
                    aria-label={t('alerts.mark_read_of', { id: a.id })}
                  >
                    {t('alerts.mark_read')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Space>
  );
}
