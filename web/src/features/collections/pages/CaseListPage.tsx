// Collection cases within the reader's scope (AR-4), newest first, in views: "my cases" (those of the
// reader's customers or opened by the reader), the open cases by stage, the closed ones, and the write-offs
// waiting for a decision (for finance and executives, who decide them here). Finance, sales managers and
// admins run the day's reminders. The view, stage and page are kept in the address.
import { Button, Card, DatePicker, Empty, Flex, Popconfirm, Segmented, Space, Table, Tabs, Tag, Typography, App, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { formatDate, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useCases, useDecideWriteOff, useRunReminders, useWriteOffs, type CaseListParams, type CaseStage, type CaseSummary, type WriteOff } from '../api';
import { mayDecideWriteOff, STAGE_COLORS, STAGES } from '../stages';

export const VIEWS = ['mine', 'open', 'closed', 'write_offs'] as const;
export type View = (typeof VIEWS)[number];

export function stateFromSearch(search: URLSearchParams): { view: View; params: CaseListParams } {
  const asked = search.get('view') as View;
  const view: View = VIEWS.includes(asked) ? asked : 'mine';
  const params: CaseListParams = { page: 1, page_size: 20 };
  if (view === 'mine') {
    params.mine = 'true';
    params.status = 'open';
  }
  if (view === 'open') params.status = 'open';
  if (view === 'closed') params.status = 'closed';
  const stage = search.get('stage') as CaseStage;
  if (view !== 'closed' && STAGES.includes(stage)) params.stage = stage;
  const page = Number(search.get('page'));
  if (Number.isInteger(page) && page > 0) params.page = page;
  return { view, params };
}

export function StageTag({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE_COLORS[stage]} data-testid={`stage-${stage}`}>
      {t(`collections.stages.${stage}`)}
    </Tag>
  );
}

function RemindersRun() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useRequestError();
  const run = useRunReminders();
  const [day, setDay] = useState(dayjs());
  return (
    <Space wrap>
      <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} aria-label={t('collections.reminders_day')} />
      <Button
        loading={run.isPending}
        data-testid="reminders-run"
        onClick={() =>
          run.mutate(day.format('YYYY-MM-DD'), {
            onSuccess: (r) =>
              r.ran && r.report
                ? message.success(t('collections.reminders_ran', { customers: r.report.customers, items: r.report.items }))
                : message.info(t('collections.reminders_had_run')),
            onError: (e) => onError(e),
          })
        }
      >
        {t('collections.reminders_run')}
      </Button>
    </Space>
  );
}

function WriteOffQueue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const { message } = App.useApp();
  const onError = useRequestError();
  const pending = useWriteOffs({ status: 'pending', page: 1, page_size: 200 });
  const decide = useDecideWriteOff();
  const columns: TableProps<WriteOff>['columns'] = [
    {
      title: t('collections.customer'),
      dataIndex: 'customer_name',
      render: (name: string, w) => (
        <Link to={w.case_id ? `/collection-cases/${w.case_id}` : `/customers/${w.customer_id}?tab=credit`}>{name}</Link>
      ),
    },
    { title: t('collections.invoice'), dataIndex: 'invoice_number' },
    { title: t('collections.amount'), dataIndex: 'amount', align: 'right', render: (m: WriteOff['amount']) => formatMoney(m, language) },
    { title: t('collections.reason'), dataIndex: 'reason' },
    { title: t('collections.requester'), dataIndex: 'requester_name' },
    {
      title: t('collections.decide'),
      key: 'decide',
      render: (_: unknown, w) => (
        <WriteOffDecision
          writeOff={w}
          disabled={!auth.user}
          onDecide={(decision, text) =>
            decide.mutate(
              { id: w.id, decision, comment: text },
              { onSuccess: () => message.success(t(`collections.write_off_${decision}d`)), onError: (e) => onError(e) },
            )
          }
        />
      ),
    },
  ];
  if (pending.isError) return <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />;
  return (
    <Table<WriteOff>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={pending.data?.items ?? []}
      loading={pending.isFetching}
      locale={{ emptyText: <Empty description={t('collections.no_write_offs')} /> }}
      data-testid="write-off-table"
      pagination={false}
    />
  );
}

/** Approve or reject a pending write-off: offered to whoever may decide its due step (the details tell). */
export function WriteOffDecision({
  writeOff,
  onDecide,
  disabled,
}: {
  writeOff: WriteOff;
  onDecide: (decision: 'approve' | 'reject', comment: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [reason, setReason] = useState('');
  // The list leaves out the decisions: there the step's role and the requester decide the offer, and the
  // server refuses a second step by the same person.
  const user = auth.user ? { id: auth.user.id, roles: auth.user.roles } : null;
  const w = writeOff;
  if (!mayDecideWriteOff(w, user)) return <Typography.Text type="secondary">{t(`collections.steps.${w.next_step ?? 'none'}`)}</Typography.Text>;
  return (
    <Space>
      <Button size="small" type="primary" disabled={disabled} onClick={() => onDecide('approve', '')} data-testid={`write-off-approve-${w.id}`}>
        {t('collections.approve')}
      </Button>
      <Popconfirm
        title={t('collections.reject_reason')}
        description={<input aria-label={t('collections.reject_reason')} value={reason} onChange={(e) => setReason(e.target.value)} />}
        onConfirm={() => onDecide('reject', reason)}
      >
        <Button size="small" danger disabled={disabled} data-testid={`write-off-reject-${w.id}`}>
          {t('collections.reject')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

export default function CaseListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const { view, params } = useMemo(() => stateFromSearch(search), [search]);
  const cases = useCases(params, view !== 'write_offs');

  const update = (changes: Record<string, string | number | undefined>, resetPage = true) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setSearch(next);
  };

  const columns: TableProps<CaseSummary>['columns'] = [
    {
      title: t('collections.case'),
      dataIndex: 'id',
      width: 90,
      render: (id: number) => <Link to={`/collection-cases/${id}`}>{t('collections.case_short', { id })}</Link>,
    },
    {
      title: t('collections.customer'),
      dataIndex: 'customer_name',
      render: (name: string, k) => (
        <Link to={`/customers/${k.customer_id}?tab=credit`}>
          {name} <Typography.Text type="secondary">({k.customer_code})</Typography.Text>
        </Link>
      ),
    },
    { title: t('collections.stage'), dataIndex: 'stage', render: (s: CaseStage) => <StageTag stage={s} /> },
    {
      title: t('collections.status'),
      dataIndex: 'status',
      render: (s: string, k) =>
        s === 'open' ? t('collections.open') : `${t('collections.closed')} · ${t(`collections.outcomes.${k.outcome ?? 'settled'}`)}`,
    },
    {
      title: t('collections.broken_promises'),
      dataIndex: 'broken_promises',
      render: (n: number | undefined) => (n ? <Tag color="red">{n}</Tag> : '—'),
    },
    { title: t('collections.opened_on'), dataIndex: 'opened_on', render: (d: string) => formatDate(d, language) },
    { title: t('collections.opened_by'), dataIndex: 'opened_by_name', responsive: ['lg'] },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.collections')}
        </Typography.Title>
        {auth.can('jobs.reminders') && <RemindersRun />}
      </Flex>
      <Card size="small">
        <Tabs
          activeKey={view}
          onChange={(v) => update({ view: v, stage: undefined })}
          items={VIEWS.filter((v) => v !== 'write_offs' || auth.can('collections.decide') || auth.can('collections.work')).map((v) => ({
            key: v,
            label: <span data-testid={`view-${v}`}>{t(`collections.views.${v}`)}</span>,
          }))}
        />
        {view !== 'closed' && view !== 'write_offs' && (
          <Segmented
            value={params.stage ?? 'all'}
            onChange={(v) => update({ stage: v === 'all' ? undefined : String(v) })}
            options={[
              { label: t('collections.all_stages'), value: 'all' },
              ...STAGES.map((s) => ({ label: t(`collections.stages.${s}`), value: s })),
            ]}
            data-testid="stage-filter"
          />
        )}
      </Card>
      {view === 'write_offs' ? (
        <WriteOffQueue />
      ) : cases.isError ? (
        <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={cases.data?.items ?? []}
          loading={cases.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: cases.isPending ? ' ' : <Empty description={t('collections.none')} /> }}
          onRow={(row) => ({ onDoubleClick: () => navigate(`/collection-cases/${row.id}`) })}
          data-testid="case-table"
          pagination={{
            current: params.page,
            pageSize: params.page_size,
            total: cases.data?.total ?? 0,
            showTotal: (total) => t('collections.total', { count: total }),
            onChange: (page) => update({ page: page > 1 ? page : undefined }, false),
          }}
        />
      )}
    </Space>
  );
}
