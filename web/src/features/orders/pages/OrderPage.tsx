// One order: its state and reasons, amounts, lines and release, and what the user's roles allow: amend,
// copy and cancel (order entry), release from credit hold (finance, executives; a written reason), invoice
// and record a payment (finance, admins). An amendment or a copy arrives here with the result of its
// credit check in the navigation state.
import { CopyOutlined, DollarOutlined, EditOutlined, FileDoneOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { PageSpinner } from '@/app/routes';
import { ErrorState } from '@/components/ErrorState';
import { OrderStatusTag, ReasonList } from '@/components/OrderTags';
import { isInvoiceable, isOpenOrder } from '@/lib/credit';
import { fromUnits, minorDigits, toUnits } from '@/lib/decimal';
import { formatDate, formatDateTime, formatDecimal, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import {
  useCancelOrder,
  useCopyOrder,
  useInvoiceOrder,
  useOrder,
  useReleaseOrder,
  type Invoice,
  type Order,
  type OrderLine,
} from '../api';
import { CheckResult } from '../components/CheckResult';
import { PaymentModal } from '../components/PaymentModal';
import { ReasonModal } from '../components/ReasonModal';

/** What an amendment or a copy leaves for the page it opens. */
export interface OrderPageState {
  result?: Order;
}

/** The order's amount less its prepayment (never below zero), exactly. */
export function creditPartOf(order: Order): string {
  const digits = minorDigits(order.amount.currency);
  const amount = toUnits(order.amount.amount, digits) ?? 0n;
  const prepayment = toUnits(order.prepayment.amount, digits) ?? 0n;
  return fromUnits(amount > prepayment ? amount - prepayment : 0n, digits);
}

export default function OrderPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const onError = useRequestError();
  const id = Number(useParams().id);
  const loaded = useOrder(id);
  const copy = useCopyOrder();
  const release = useReleaseOrder(id);
  const cancel = useCancelOrder(id);
  const [dialog, setDialog] = useState<'release' | 'cancel' | 'payment' | null>(null);
  const [invoice, setInvoice] = useState<Invoice | null>(null);
  const invoiceOrder = useInvoiceOrder();
  const order = loaded.data?.order;

  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!order) return <PageSpinner />;

  const state = (location.state ?? {}) as OrderPageState;
  const result = state.result?.id === order.id ? state.result : undefined;
  const open = isOpenOrder(order.status);
  const enter = auth.can('orders.enter');

  const doCopy = () =>
    copy.mutate(order.id, {
      onSuccess: (created) => {
        message.success(t('orders.copied', { number: created.number }));
        navigate(`/orders/${created.id}`, { state: { result: created } satisfies OrderPageState });
      },
      onError: (e) => onError(e),
    });

  const doInvoice = () =>
    invoiceOrder.mutate(order, {
      onSuccess: (issued) => {
        setInvoice(issued);
        message.success(t('orders.invoiced', { number: issued.number, due: formatDate(issued.due_date, language) }));
      },
      onError: (e) => onError(e),
    });

  const lineColumns = [
    { title: t('orders.product'), dataIndex: 'product' },
    { title: t('orders.model'), dataIndex: 'model', render: (v: string) => v || '—' },
    {
      title: t('orders.quantity'),
      dataIndex: 'quantity',
      align: 'right' as const,
      render: (v: string) => formatDecimal(v, language),
    },
    {
      title: t('orders.unit_price'),
      dataIndex: 'unit_price',
      align: 'right' as const,
      render: (m: OrderLine['unit_price']) => formatMoney(m, language),
    },
    {
      title: t('orders.line_amount'),
      dataIndex: 'amount',
      align: 'right' as const,
      render: (m: OrderLine['amount']) => formatMoney(m, language),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {result && <CheckResult order={result} />}
      <Card>
        <Flex justify="space-between" align="start" wrap="wrap" gap={12}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              <span data-testid="order-number">{order.number}</span>{' '}
              <OrderStatusTag status={order.status} />
            </Typography.Title>
            <Typography.Text type="secondary">{t('orders.version_n', { version: order.version })}</Typography.Text>
          </div>
          <Space wrap>
            {enter && open && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/orders/${order.id}/edit`)} data-testid="order-amend">
                {t('orders.amend')}
              </Button>
            )}
            {enter && (
              <Popconfirm title={t('orders.copy_confirm', { number: order.number })} onConfirm={doCopy}>
                <Button icon={<CopyOutlined />} loading={copy.isPending} data-testid="order-copy">
                  {t('orders.copy')}
                </Button>
              </Popconfirm>
            )}
            {enter && open && (
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('cancel')} data-testid="order-cancel">
                {t('orders.cancel')}
              </Button>
            )}
            {auth.can('orders.release') && order.status === 'credit_hold' && (
              <Button type="primary" icon={<UnlockOutlined />} onClick={() => setDialog('release')} data-testid="order-release">
                {t('orders.release')}
              </Button>
            )}
            {auth.can('receivables.keep') && isInvoiceable(order.status) && (
              <Popconfirm title={t('orders.invoice_confirm', { number: order.number })} onConfirm={doInvoice}>
                <Button type="primary" icon={<FileDoneOutlined />} loading={invoiceOrder.isPending} data-testid="order-invoice">
                  {t('orders.invoice')}
                </Button>
              </Popconfirm>
            )}
            {auth.can('receivables.keep') && order.status === 'invoiced' && (
              <Button icon={<DollarOutlined />} onClick={() => setDialog('payment')} data-testid="order-payment">
                {t('orders.payment.record')}
              </Button>
            )}
          </Space>
        </Flex>

        {order.reasons.length > 0 && (
          <Alert
            style={{ marginTop: 16 }}
            type={order.status === 'credit_hold' ? 'warning' : 'info'}
            showIcon
            message={order.status === 'credit_hold' ? t('orders.held_because') : t('orders.was_held_because')}
            description={<ReasonList reasons={order.reasons} />}
          />
        )}
        {invoice && (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            data-testid="order-invoice-issued"
            message={t('orders.invoiced', { number: invoice.number, due: formatDate(invoice.due_date, language) })}
            description={t('orders.invoice_open', { amount: formatMoney(invoice.open, language) })}
          />
        )}

        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('orders.customer')}>
            <Link to={`/customers/${order.customer_id}`}>{t('orders.customer_n', { id: order.customer_id })}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.date')}>{formatDate(order.order_date, language)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.amount')}>
            <Typography.Text strong data-testid="order-amount">
              {formatMoney(order.amount, language)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.prepayment')}>{formatMoney(order.prepayment, language)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.credit_part')}>
            {formatMoney({ amount: creditPartOf(order), currency: order.amount.currency }, language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.rate')}>{order.rate}</Descriptions.Item>
          <Descriptions.Item label={t('orders.created_at')}>{formatDateTime(order.created_at, language)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.created_by')}>
            {order.created_by ? t('orders.user_n', { id: order.created_by }) : '—'}
          </Descriptions.Item>
          {order.copied_from && (
            <Descriptions.Item label={t('orders.copied_from')}>
              <Link to={`/orders/${order.copied_from}`}>{t('orders.order_n', { id: order.copied_from })}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {order.released_at && (
        <Card size="small" title={t('orders.release_info')} data-testid="order-release-info">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('orders.released_at')}>{formatDateTime(order.released_at, language)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.released_by')}>
              {order.released_by ? t('orders.user_n', { id: order.released_by }) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.release_reason')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{order.release_reason}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      <Card size="small" title={t('orders.lines')}>
        <Table<OrderLine & { key: number }>
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={(order.lines ?? []).map((l, key) => ({ ...l, key }))}
          columns={lineColumns}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <Typography.Text strong>{t('orders.total_amount')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong>{formatMoney(order.amount, language)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>

      <ReasonModal
        open={dialog === 'release'}
        title={t('orders.release_title', { number: order.number })}
        explain={t('orders.release_explain')}
        okText={t('orders.release')}
        loading={release.isPending}
        onSubmit={(reason) =>
          release.mutateAsync(reason).then((o) => message.success(t('orders.released', { number: o.number })))
        }
        onClose={() => setDialog(null)}
        testId="release-dialog"
      />
      <ReasonModal
        open={dialog === 'cancel'}
        title={t('orders.cancel_title', { number: order.number })}
        explain={t('orders.cancel_explain')}
        okText={t('orders.cancel')}
        danger
        loading={cancel.isPending}
        onSubmit={(reason) =>
          cancel.mutateAsync(reason).then((o) => message.success(t('orders.cancelled', { number: o.number })))
        }
        onClose={() => setDialog(null)}
        testId="cancel-dialog"
      />
      {dialog === 'payment' && <PaymentModal order={order} invoice={invoice} onClose={() => setDialog(null)} />}
    </Space>
  );
}
