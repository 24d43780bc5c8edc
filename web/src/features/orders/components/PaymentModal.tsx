// Recording a payment of an invoiced order's customer (finance, admins). When the invoice was issued on
// this page the payment goes to it; otherwise the server allocates it to the customer's oldest open
// invoices of the currency, and what remains stays on account.
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useRequestError } from '@/app/requestErrors';
import { minorDigits, toUnits } from '@/lib/decimal';
import { dateInputFormat, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useRecordPayment, type Invoice, type Order, type PaymentInput } from '../api';

interface Values {
  amount: string;
  day: Dayjs;
  reference?: string;
}

export function PaymentModal({ order, invoice, onClose }: { order: Order; invoice: Invoice | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const onError = useRequestError();
  const record = useRecordPayment(order.customer_id);
  const [form] = Form.useForm<Values>();
  const currency = order.amount.currency;
  const digits = minorDigits(currency);

  const save = (v: Values) => {
    const amount = v.amount.trim();
    const body: PaymentInput = {
      customer_id: order.customer_id,
      amount: { amount, currency },
      day: v.day.format('YYYY-MM-DD'),
      ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
    };
    // Allocated to the invoice just issued, up to what it leaves open.
    if (invoice && invoice.open.currency === currency) {
      const open = toUnits(invoice.open.amount, digits) ?? 0n;
      const paid = toUnits(amount, digits) ?? 0n;
      if (paid > 0n && paid <= open) body.allocations = [{ invoice_id: invoice.id, amount }];
    }
    record.mutate(body, {
      onSuccess: (p) => {
        message.success(t('orders.payment.recorded', { number: p.number, unallocated: formatMoney(p.unallocated, language) }));
        onClose();
      },
      onError: (e) => onError(e, form),
    });
  };

  return (
    <Modal
      open
      title={t('orders.payment.title', { number: order.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('orders.payment.record')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">
        {invoice ? t('orders.payment.to_invoice', { number: invoice.number }) : t('orders.payment.explain')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ amount: invoice?.open.amount ?? order.amount.amount, day: dayjs() }}
      >
        <Form.Item
          name="amount"
          label={t('orders.payment.amount', { currency })}
          rules={[
            { required: true, message: t('validation.required') },
            {
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) return;
                const units = toUnits(value, digits);
                if (units === null || units <= 0n) throw new Error(t('orders.amount_invalid', { count: digits }));
              },
            },
          ]}
        >
          <Input inputMode="decimal" addonAfter={currency} />
        </Form.Item>
        <Form.Item name="day" label={t('orders.payment.day')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker format={dateInputFormat(language)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="reference" label={t('orders.payment.reference')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
