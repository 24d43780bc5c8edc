// The audit trail (admin, auditor): every recorded change, login and export, newest first, and the
// check that recomputes the hash chain and names the first entry that was altered.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, data, type Schemas } from '@/api/client';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { dateInputFormat, formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';

export const AUDIT_ACTIONS = [
  'customer.create',
  'customer.update',
  'customer.contact_add',
  'customer.contact_update',
  'customer.contact_delete',
  'activity.add',
  'customer.import',
  'customer.export',
  'user.create',
  'user.update_language',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
] as const;

const ACTION_COLORS: Record<string, string> = {
  'auth.login_failed': 'red',
  'customer.export': 'orange',
  'customer.import': 'gold',
  'user.create': 'purple',
};

interface Filters {
  action?: string;
  entity_id?: string;
  from?: string;
  to?: string;
  page: number;
  page_size: number;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const onError = useRequestError();
  const [filters, setFilters] = useState<Filters>({ page: 1, page_size: 50 });
  const entries = useQuery({
    queryKey: ['audit', filters],
    queryFn: () => data(api.GET('/audit', { params: { query: filters as never } })),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => data(api.GET('/audit/verify')), onError: (e) => onError(e) });
  const update = (changes: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...changes }));
  const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.audit')}
        </Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </Flex>
      {verify.data &&
        (verify.data.intact ? (
          <Alert type="success" showIcon message={t('audit.intact', { count: verify.data.entries })} data-testid="audit-verdict" />
        ) : (
          <Alert
            type="error"
            showIcon
            message={t('audit.broken', { id: verify.data.broken_at })}
            description={verify.data.reason}
            data-testid="audit-verdict"
          />
        ))}
      <Card size="small">
        <Flex wrap="wrap" gap={8}>
          <Select
            allowClear
            placeholder={t('audit.action')}
            aria-label={t('audit.action')}
            style={{ width: 220 }}
            value={filters.action}
            onChange={(v?: string) => update({ action: v })}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          />
          <Input
            allowClear
            placeholder={t('audit.entity_id')}
            aria-label={t('audit.entity_id')}
            style={{ width: 160 }}
            onChange={(e) => update({ entity_id: e.target.value.trim() || undefined })}
          />
          <DatePicker.RangePicker
            format={dateInputFormat(language)}
            onChange={(range) => update({ from: day(range?.[0]), to: day(range?.[1]) })}
          />
        </Flex>
      </Card>
      {entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <Table<Schemas['AuditEntry']>
          rowKey="id"
          size="small"
          loading={entries.isFetching}
          dataSource={entries.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filters.page,
            pageSize: filters.page_size,
            total: entries.data?.total ?? 0,
            showTotal: (n) => t('audit.total', { count: n }),
            onChange: (page, page_size) => setFilters((f) => ({ ...f, page, page_size })),
          }}
          columns={[
            { title: '#', dataIndex: 'id', width: 80 },
            { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v, language) },
            { title: t('audit.actor'), dataIndex: 'actor_name', width: 140 },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 180,
              render: (a: string) => <Tag color={ACTION_COLORS[a]}>{t(`audit.actions.${a}`, { defaultValue: a })}</Tag>,
            },
            {
              title: t('audit.entity'),
              render: (_: unknown, e) =>
                e.entity === 'customer' && e.entity_id ? (
                  <Link to={`/customers/${e.entity_id}`}>
                    {t('audit.customer')} #{e.entity_id}
                  </Link>
                ) : (
                  [e.entity, e.entity_id].filter(Boolean).join(' #')
                ),
            },
            {
              title: t('audit.details'),
              dataIndex: 'details',
              render: (d: unknown) => (
                <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: JSON.stringify(d) }}>
                  {d && Object.keys(d as object).length ? JSON.stringify(d) : '—'}
                </Typography.Text>
              ),
            },
            {
              title: t('audit.hash'),
              dataIndex: 'hash',
              width: 110,
              render: (h: string) => (
                <Tooltip title={h}>
                  <Typography.Text code>{h.slice(0, 10)}</Typography.Text>
                </Tooltip>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
