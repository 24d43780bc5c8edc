// Credit applications within the reader's scope, newest first, in views: those waiting for the signed-in
// user (pending, the due step one of their roles, not their own, no earlier step of the round decided by
// them — worked out from each pending application's details, since the list leaves the next step out),
// all of them or those of one status, and the proposals of the re-evaluation with their reasons (where
// admins, finance and executives also run it). The view, customer and page are kept in the address.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Space, Table, Tabs, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Role } from '@/app/access';
import { useAuth } from '@/app/auth';
import { ApplicationStatusTag, ProposalReasonTags } from '@/components/ApplicationTags';
import { CustomerSelect } from '@/components/CustomerSelect';
import { ErrorState } from '@/components/ErrorState';
import { APPLICATION_STATUSES, applicationStatusLabel, gradeLabel, type ApplicationStatus } from '@/lib/credit';
import { formatDateTime, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useApplicationDetails, useApplications, useProposals, type Application, type ApplicationListParams } from '../api';
import { CHAIN, mayDecide } from '../chain';
import { ReevaluationRun } from '../components/ReevaluationRun';

const PAGE_SIZES = [20, 50, 100, 200];
/** The most pending applications the "waiting for me" view looks through (the API's largest page). */
export const WAITING_SCAN = 200;

export const VIEWS = ['waiting', 'all', ...APPLICATION_STATUSES, 'proposals'] as const;
export type View = (typeof VIEWS)[number];

export interface ListState {
  view: View;
  params: ApplicationListParams;
}

/** The view and list parameters held in the address bar; the default view is "waiting for me" for deciders. */
export function stateFromSearch(search: URLSearchParams, roles: readonly string[] = []): ListState {
  const decider = roles.some((r) => CHAIN.includes(r as Role));
  const asked = search.get('view');
  const view: View = VIEWS.includes(asked as View) ? (asked as View) : decider ? 'waiting' : 'all';
  const params: ApplicationListParams = { page: 1, page_size: 20 };
  if ((APPLICATION_STATUSES as readonly string[]).includes(view)) params.status = view as ApplicationStatus;
  const customer = Number(search.get('customer_id'));
  if (Number.isInteger(customer) && customer > 0) params.customer_id = customer;
  const page = Number(search.get('page'));
  if (Number.isInteger(page) && page > 0) params.page = page;
  const size = Number(search.get('page_size'));
  if (PAGE_SIZES.includes(size)) params.page_size = size;
  return { view, params };
}

export default function ApplicationListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const { view, params } = useMemo(() => stateFromSearch(search, auth.user?.roles), [search, auth.user?.roles]);
  const waiting = view === 'waiting';
  const proposalsView = view === 'proposals';

  const listed = useApplications(params, !waiting && !proposalsView);
  const proposals = useProposals(params, proposalsView);
  const customer = params.customer_id ? { customer_id: params.customer_id } : {};
  const pending = useApplications({ status: 'pending', page: 1, page_size: WAITING_SCAN, ...customer }, waiting);
  const details = useApplicationDetails(waiting ? (pending.data?.items ?? []).map((a) => a.id) : []);
  const mine = details.flatMap((d) => (d.data && mayDecide(d.data, auth.user) ? [d.data] : []));
  const detailsLoading = details.some((d) => d.isPending);
  const detailError = details.find((d) => d.isError)?.error;

  const update = (changes: Record<string, string | number | undefined>, resetPage = true) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setSearch(next);
  };

  const columns: TableProps<Application>['columns'] = [
    {
      title: t('approvals.number'),
      dataIndex: 'id',
      width: 90,
      render: (id: number) => <Link to={`/credit-applications/${id}`}>{t('approvals.application_short', { id })}</Link>,
    },
    {
      title: t('approvals.customer'),
      dataIndex: 'customer_name',
      render: (name: string, a) => (
        <Link to={`/customers/${a.customer_id}?tab=credit`}>
          {name} <Typography.Text type="secondary">({a.customer_code})</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('approvals.limit'),
      dataIndex: 'limit',
      align: 'right',
      render: (m: Application['limit']) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(m, language)}</span>,
    },
    { title: t('credit.term'), dataIndex: 'term_days', render: (d: number) => t('credit.term_days', { count: d }) },
    { title: t('credit.grade'), dataIndex: 'grade', render: (g: string | null) => (g ? gradeLabel(g, t) : '—') },
    { title: t('approvals.status'), dataIndex: 'status', render: (s: string) => <ApplicationStatusTag status={s} /> },
    ...(waiting
      ? [
          {
            title: t('approvals.next_step'),
            dataIndex: 'next_step',
            render: (s: string | null | undefined) => (s ? t(`roles.${s}`, { defaultValue: s }) : '—'),
          },
        ]
      : []),
    ...(proposalsView
      ? [{ title: t('approvals.proposal'), dataIndex: 'proposal', render: (r: string[]) => <ProposalReasonTags reasons={r} /> }]
      : [{ title: t('approvals.applicant'), dataIndex: 'applicant_name', render: (n: string) => n || '—' }]),
    {
      title: t('approvals.submitted_at'),
      dataIndex: 'created_at',
      responsive: ['lg'],
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, language)}</span>,
    },
  ];

  const source = waiting ? pending : proposalsView ? proposals : listed;
  const empty = t(waiting ? 'approvals.none_waiting' : proposalsView ? 'approvals.none_proposals' : 'approvals.none');
  const table = (
    <Table<Application>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={waiting ? mine : (source.data?.items ?? [])}
      loading={source.isFetching || (waiting && detailsLoading)}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: source.isPending ? ' ' : <Empty description={empty} /> }}
      onRow={(row) => ({ onDoubleClick: () => navigate(`/credit-applications/${row.id}`) })}
      data-testid="application-table"
      pagination={
        waiting
          ? { pageSize: params.page_size, hideOnSinglePage: true, showTotal: (total) => t('approvals.total', { count: total }) }
          : {
              current: params.page,
              pageSize: params.page_size,
              total: source.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t('approvals.total', { count: total }),
              onChange: (page, pageSize) =>
                update({ page: page > 1 ? page : undefined, page_size: pageSize === 20 ? undefined : pageSize }, false),
            }
      }
    />
  );
  const error = source.error ?? (waiting ? detailError : undefined);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.approvals')}
        </Typography.Title>
        {auth.can('approvals.apply') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() =>
              navigate(params.customer_id ? `/credit-applications/new?customer_id=${params.customer_id}` : '/credit-applications/new')
            }
            data-testid="application-new"
          >
            {t('approvals.new')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Tabs
          activeKey={view}
          onChange={(v) => update({ view: v })}
          items={VIEWS.map((v) => ({
            key: v,
            label: (
              <span data-testid={`view-${v}`}>
                {v === 'waiting'
                  ? t('approvals.views.waiting')
                  : v === 'all'
                    ? t('approvals.views.all')
                    : v === 'proposals'
                      ? t('approvals.views.proposals')
                      : applicationStatusLabel(v, t)}
              </span>
            ),
          }))}
        />
        <CustomerSelect
          allowClear
          aria-label={t('approvals.customer')}
          placeholder={t('orders.filter_customer')}
          value={params.customer_id}
          onChange={(v) => update({ customer_id: v })}
          style={{ width: 320, maxWidth: '100%' }}
        />
      </Card>
      {proposalsView && auth.can('jobs.reevaluation') && <ReevaluationRun />}
      {waiting && (pending.data?.total ?? 0) > WAITING_SCAN && (
        <Alert type="warning" showIcon message={t('approvals.waiting_capped', { count: WAITING_SCAN })} />
      )}
      {error ? <ErrorState error={error} onRetry={() => void source.refetch()} /> : table}
    </Space>
  );
}
