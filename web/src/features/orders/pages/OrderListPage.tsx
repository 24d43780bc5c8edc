// The orders within the reader's scope, newest first: filtered by status and customer, one page at a
// time, all kept in the address so that a list can be bookmarked and returned to.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Space, Table, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { CustomerSelect } from '@/components/CustomerSelect';
import { ErrorState } from '@/components/ErrorState';
import { OrderStatusTag, ReasonTags } from '@/components/OrderTags';
import { ORDER_STATUSES, statusLabel, type OrderStatus } from '@/lib/credit';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useOrders, type Order, type OrderListParams } from '../api';

const PAGE_SIZES = [20, 50, 100, 200];

/** The list parameters held in the address bar. */
export function paramsFromSearch(search: URLSearchParams): OrderListParams {
  const p: OrderListParams = { page: 1, page_size: 20 };
  const status = search.get('status');
  if (status && (ORDER_STATUSES as readonly string[]).includes(status)) p.status = status as OrderStatus;
  const customer = Number(search.get('customer_id'));
  if (Number.isInteger(customer) && customer > 0) p.customer_id = customer;
  const page = Number(search.get('page'));
  if (Number.isInteger(page) && page > 0) p.page = page;
  const size = Number(search.get('page_size'));
  if (PAGE_SIZES.includes(size)) p.page_size = size;
  return p;
}

export default function OrderListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => paramsFromSearch(search), [search]);
  const list = useOrders(params);

  const update = (changes: Record<string, string | number | undefined>, resetPage = true) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setSearch(next);
  };

  const columns: TableProps<Order>['columns'] = [
    {
      title: t('orders.number'),
      dataIndex: 'number',
      width: 140,
      render: (n: string, row) => <Link to={`/orders/${row.id}`}>{n}</Link>,
    },
    {
      title: t('orders.customer'),
      dataIndex: 'customer_id',
      width: 120,
      render: (id: number) => <Link to={`/customers/${id}`}>{t('orders.customer_n', { id })}</Link>,
    },
    {
      title: t('orders.date'),
      dataIndex: 'order_date',
      width: 140,
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d, language)}</span>,
    },
    {
      title: t('orders.amount'),
      dataIndex: 'amount',
      align: 'right',
      width: 160,
      render: (m: Order['amount']) => formatMoney(m, language),
    },
    { title: t('orders.status'), dataIndex: 'status', width: 120, render: (s: string) => <OrderStatusTag status={s} /> },
    { title: t('orders.reasons_column'), dataIndex: 'reasons', render: (r: string[]) => <ReasonTags reasons={r} /> },
    {
      title: t('orders.created_at'),
      dataIndex: 'created_at',
      width: 190,
      responsive: ['lg'],
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, language)}</span>,
    },
  ];

  const newOrder = params.customer_id ? `/orders/new?customer_id=${params.customer_id}` : '/orders/new';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.orders')}
        </Typography.Title>
        {auth.can('orders.enter') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(newOrder)} data-testid="order-new">
            {t('orders.new')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Flex wrap="wrap" gap={8} align="center">
          <Select
            allowClear
            aria-label={t('orders.status')}
            placeholder={t('orders.status')}
            value={params.status}
            onChange={(v?: string) => update({ status: v })}
            style={{ width: 160 }}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: statusLabel(s, t) }))}
            data-testid="order-status-filter"
          />
          <CustomerSelect
            allowClear
            aria-label={t('orders.customer')}
            placeholder={t('orders.filter_customer')}
            value={params.customer_id}
            onChange={(v) => update({ customer_id: v })}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="order-customer"
          />
        </Flex>
      </Card>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Order>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('orders.none')} /> }}
          onRow={(row) => ({ onDoubleClick: () => navigate(`/orders/${row.id}`) })}
          pagination={{
            current: params.page,
            pageSize: params.page_size,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t('orders.total', { count: total }),
            onChange: (page, pageSize) =>
              update({ page: page > 1 ? page : undefined, page_size: pageSize === 20 ? undefined : pageSize }, false),
          }}
        />
      )}
    </Space>
  );
}
