// Amending an order not yet invoiced: the same form as a new order, sent with the version that was loaded
// (If-Match). When the order changed in between (409: someone amended, released, invoiced or cancelled
// it), the user is told, and the current order is loaded into the form to start again from.
import { Alert, App, Button, Form, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '@/api/client';
import { useRequestError } from '@/app/requestErrors';
import { PageSpinner } from '@/app/routes';
import { ErrorState } from '@/components/ErrorState';
import { isOpenOrder } from '@/lib/credit';
import { keys, useAmendOrder, useOrder, type LoadedOrder } from '../api';
import { orderBody, OrderForm, type OrderFormValues } from '../components/OrderForm';
import type { OrderPageState } from './OrderPage';

export default function OrderEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const loaded = useOrder(id);
  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!loaded.data) return <PageSpinner />;
  const { order } = loaded.data;
  if (!isOpenOrder(order.status))
    return (
      <Alert
        type="info"
        showIcon
        message={t('orders.not_amendable', { number: order.number })}
        action={<Button onClick={() => navigate(`/orders/${order.id}`)}>{t('orders.open', { number: order.number })}</Button>}
      />
    );
  // A new version (after a conflict) starts a new form from it.
  return <Editor key={loaded.data.version} loaded={loaded.data} />;
}

/** The form's values of an order as stored. */
export function formValuesOf(order: LoadedOrder['order']): OrderFormValues {
  const prepaid = /^0+(\.0+)?$/.test(order.prepayment.amount) ? undefined : order.prepayment.amount;
  return {
    order_date: dayjs(order.order_date, 'YYYY-MM-DD'),
    currency: order.amount.currency,
    prepayment: prepaid,
    lines: (order.lines ?? []).map((l) => ({
      product: l.product,
      model: l.model,
      quantity: l.quantity,
      unit_price: l.unit_price.amount,
    })),
  };
}

function Editor({ loaded }: { loaded: LoadedOrder }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useRequestError();
  const [form] = Form.useForm<OrderFormValues>();
  const { order, version } = loaded;
  const amend = useAmendOrder(order.id);
  const initialValues = useMemo(() => formValuesOf(order), [order]);

  const submit = (values: OrderFormValues) =>
    amend.mutate(
      { amendment: orderBody(values), version },
      {
        onSuccess: (saved) => navigate(`/orders/${saved.id}`, { state: { result: saved } satisfies OrderPageState }),
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409)
            modal.warning({
              title: t('orders.changed_title', { number: order.number }),
              content: t('orders.changed_explain', { message: e.message }),
              okText: t('orders.reload'),
              onOk: () => void queryClient.invalidateQueries({ queryKey: keys.order(order.id) }),
            });
          else onError(e, form);
        },
      },
    );

  return (
    <>
      <Typography.Title level={3}>
        {t('orders.amend_title', { number: order.number })}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {t('orders.version_n', { version })}
        </Typography.Text>
      </Typography.Title>
      <OrderForm
        form={form}
        initialValues={initialValues}
        fixedCustomer={order.customer_id}
        submitting={amend.isPending}
        submitLabel={t('orders.save_amendment')}
        onSubmit={submit}
        onCancel={() => navigate(`/orders/${order.id}`)}
      />
    </>
  );
}
