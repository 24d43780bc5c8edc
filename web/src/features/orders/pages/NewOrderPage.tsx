// Entering an order (for the customer in ?customer_id=, or one chosen here). The server checks it against
// the customer's credit at once; the answer — approved, or on credit hold with its reasons — is shown in
// place of the form.
import { Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useRequestError } from '@/app/requestErrors';
import { usePlaceOrder, type Order } from '../api';
import { CheckResult } from '../components/CheckResult';
import { orderBody, OrderForm, type OrderFormValues } from '../components/OrderForm';

export default function NewOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const preset = Number(search.get('customer_id'));
  const customerId = Number.isInteger(preset) && preset > 0 ? preset : undefined;
  const [placed, setPlaced] = useState<Order | null>(null);
  // Each order is entered on a fresh form.
  const [round, setRound] = useState(0);

  return (
    <>
      <Typography.Title level={3}>{t('orders.new')}</Typography.Title>
      {placed ? (
        <CheckResult
          order={placed}
          actions={
            <Space wrap>
              <Button type="primary" onClick={() => navigate(`/orders/${placed.id}`)} data-testid="order-open">
                {t('orders.open', { number: placed.number })}
              </Button>
              <Button
                onClick={() => {
                  setPlaced(null);
                  setRound((r) => r + 1);
                }}
                data-testid="order-another"
              >
                {t('orders.enter_another')}
              </Button>
            </Space>
          }
        />
      ) : (
        <Entry key={round} customerId={customerId} onPlaced={setPlaced} />
      )}
    </>
  );
}

function Entry({ customerId, onPlaced }: { customerId: number | undefined; onPlaced: (order: Order) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onError = useRequestError();
  const place = usePlaceOrder();
  const [form] = Form.useForm<OrderFormValues>();

  const submit = (values: OrderFormValues) => {
    const body = { customer_id: values.customer_id!, ...orderBody(values) };
    place.mutate(body, {
      onSuccess: onPlaced,
      onError: (e) => onError(e, form),
    });
  };

  return (
    <OrderForm
      form={form}
      initialValues={{ customer_id: customerId, lines: [{}] }}
      submitting={place.isPending}
      submitLabel={t('orders.submit')}
      onSubmit={submit}
      onCancel={() => navigate(customerId ? `/customers/${customerId}?tab=credit` : '/orders')}
    />
  );
}
