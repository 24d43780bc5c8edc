// A balanced assignment for one region: the moves that even out the number of customers, or their annual
// sales, among its salespeople (the pool first), shown before and after, and accepted in one step.
import { Button, Card, Empty, Flex, Result, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, data, type Schemas } from '@/api/client';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';

export default function ProposalPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const onError = useRequestError();
  const queryClient = useQueryClient();
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => data(api.GET('/regions')), staleTime: Infinity });
  const [region, setRegion] = useState<string | undefined>(user?.region ?? undefined);
  const [accepted, setAccepted] = useState<number | null>(null);
  const [by, setBy] = useState<'count' | 'sales'>('count');
  const language = useLanguage();
  const proposal = useQuery({
    queryKey: ['assignments', 'proposal', region, by],
    queryFn: () => data(api.GET('/assignments/proposal', { params: { query: { region: region!, by } } })),
    enabled: !!region,
  });
  const accept = useMutation({
    mutationFn: (moves: Schemas['AssignmentMove'][]) => data(api.POST('/assignments/proposal/accept', { body: { moves } })),
    onSuccess: (r) => {
      setAccepted(r.items.length);
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['assignments'] });
    },
    onError: (e) => onError(e),
  });
  const sellers = new Map((proposal.data?.sellers ?? []).map((s) => [s.user_id, s.display_name]));
  const who = (id: number | null) => (id === null ? t('ownership.pool') : (sellers.get(id) ?? `#${id}`));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.assignments')}
        </Typography.Title>
        <Space wrap>
        <Segmented
          aria-label={t('ownership.balance_by')}
          value={by}
          onChange={(v) => {
            setBy(v as 'count' | 'sales');
            setAccepted(null);
          }}
          options={[
            { value: 'count', label: t('ownership.by_count') },
            { value: 'sales', label: t('ownership.by_sales') },
          ]}
        />
        <Select
          placeholder={t('customer.region')}
          aria-label={t('customer.region')}
          style={{ width: 160 }}
          value={region}
          onChange={(r: string) => {
            setRegion(r);
            setAccepted(null);
          }}
          options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: t(`regions.${r.code}`, { defaultValue: r.name }) }))}
        />
        </Space>
      </Flex>
      {accepted !== null && <Result status="success" title={t('ownership.accepted', { count: accepted })} />}
      {proposal.isError ? (
        <ErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />
      ) : !region ? (
        <Empty description={t('ownership.choose_region')} />
      ) : (
        proposal.data && (
          <>
            <Card title={t('ownership.sellers')} size="small">
              <Table
                size="small"
                rowKey="user_id"
                pagination={false}
                dataSource={[
                  ...proposal.data.sellers,
                  {
                    user_id: 0,
                    username: '',
                    display_name: t('ownership.pool'),
                    before: proposal.data.pool_before,
                    after: proposal.data.pool_after,
                    sales_before: null,
                    sales_after: null,
                  },
                ]}
                columns={[
                  { title: t('customer.owner'), dataIndex: 'display_name' },
                  { title: t('ownership.before'), dataIndex: 'before', width: 120 },
                  { title: t('ownership.after'), dataIndex: 'after', width: 120 },
                  ...(by === 'sales'
                    ? [
                        {
                          title: t('ownership.sales_before'),
                          key: 'sales_before',
                          width: 160,
                          render: (_: unknown, s: { sales_before: Schemas['Money'] | null }) =>
                            s.sales_before ? formatMoney(s.sales_before, language) : '',
                        },
                        {
                          title: t('ownership.sales_after'),
                          key: 'sales_after',
                          width: 160,
                          render: (_: unknown, s: { sales_after: Schemas['Money'] | null }) =>
                            s.sales_after ? formatMoney(s.sales_after, language) : '',
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card
              title={t('ownership.moves', { count: proposal.data.moves.length })}
              size="small"
              extra={
                <Button
                  type="primary"
                  disabled={proposal.data.moves.length === 0}
                  loading={accept.isPending}
                  onClick={() => accept.mutate(proposal.data.moves)}
                >
                  {t('ownership.accept')}
                </Button>
              }
            >
              <Table<Schemas['AssignmentMove']>
                size="small"
                rowKey="customer_id"
                dataSource={proposal.data.moves}
                locale={{ emptyText: t('ownership.balanced') }}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t('customer.name'),
                    render: (_: unknown, m) => <Link to={`/customers/${m.customer_id}`}>{m.name ?? m.code ?? m.customer_id}</Link>,
                  },
                  { title: t('ownership.from'), render: (_: unknown, m) => who(m.from_owner_id) },
                  { title: t('ownership.to'), render: (_: unknown, m) => who(m.to_owner_id) },
                ]}
              />
            </Card>
          </>
        )
      )}
    </Space>
  );
}
