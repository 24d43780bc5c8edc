// The form of a new order and of an amendment: the customer (new orders only), the date, the currency
// (empty: the customer's account currency), the declared prepayment and the lines. Each line's amount,
// the total and the part that needs credit are shown as typed, computed exactly (lib/decimal) the way
// the server computes them; the server checks everything again and its field errors land on the inputs.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Space, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CustomerSelect } from '@/components/CustomerSelect';
import type { Language } from '@/i18n/languages';
import { minorDigits, orderTotals, QUANTITY_SCALE, toUnits, type LineText } from '@/lib/decimal';
import { dateInputFormat, formatDecimal, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useCreditAccount, type OrderAmendment } from '../api';

export interface LineValues {
  product?: string;
  model?: string;
  quantity?: string;
  unit_price?: string;
}

export interface OrderFormValues {
  customer_id?: number;
  order_date?: Dayjs | null;
  currency?: string;
  prepayment?: string;
  lines?: LineValues[];
}

/** The request body of the form's values: trimmed, without the empty optional members. */
export function orderBody(values: OrderFormValues): OrderAmendment {
  const body: OrderAmendment = {
    lines: (values.lines ?? []).map((l) => ({
      product: (l.product ?? '').trim(),
      ...(l.model?.trim() ? { model: l.model.trim() } : {}),
      quantity: (l.quantity ?? '').trim(),
      unit_price: (l.unit_price ?? '').trim(),
    })),
  };
  if (values.order_date) body.order_date = values.order_date.format('YYYY-MM-DD');
  if (values.currency?.trim()) body.currency = values.currency.trim().toUpperCase();
  if (values.prepayment?.trim()) body.prepayment = values.prepayment.trim();
  return body;
}

const CURRENCY = /^[A-Z]{3}$/;

/** A currency code the browser can format, else null (a half-typed code must not break the page). */
function knownCurrency(code: string | undefined): string | null {
  if (!code || !CURRENCY.test(code)) return null;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return code;
  } catch {
    return null;
  }
}

function money(amount: string, currency: string | null, language: Language): string {
  return currency ? formatMoney({ amount, currency }, language) : formatDecimal(amount, language);
}

interface Props {
  form: FormInstance<OrderFormValues>;
  initialValues: OrderFormValues;
  /** Amendments keep their customer: it is shown, not chosen. */
  fixedCustomer?: number;
  submitting: boolean;
  submitLabel: string;
  onSubmit: (values: OrderFormValues) => void;
  onCancel: () => void;
}

export function OrderForm({ form, initialValues, fixedCustomer, submitting, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const chosenCustomer = Form.useWatch('customer_id', form) as number | undefined;
  const customerId = fixedCustomer ?? chosenCustomer;
  const account = useCreditAccount(customerId);
  const typedCurrency = ((Form.useWatch('currency', form) as string | undefined) ?? '').trim().toUpperCase();
  const prepayment = (Form.useWatch('prepayment', form) as string | undefined) ?? '';
  const lines = (Form.useWatch('lines', form) as LineText[] | undefined) ?? initialValues.lines ?? [];
  const accountCurrency = account.data?.currency;
  const currency = knownCurrency(typedCurrency || accountCurrency);
  const digits = minorDigits(currency);
  const totals = orderTotals(lines, digits, prepayment);
  const required = { required: true, message: t('validation.required') };

  const decimalRule = (scale: number, message: string, positive: boolean) => ({
    validator: async (_: unknown, value: string | undefined) => {
      if (!value?.trim()) return;
      const units = toUnits(value, scale);
      if (units === null || (positive && units <= 0n)) throw new Error(message);
    },
  });

  return (
    <Form<OrderFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      scrollToFirstError
      data-testid="order-form"
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {fixedCustomer === undefined && (
            <Col xs={24} md={12}>
              <Form.Item name="customer_id" label={t('orders.customer')} rules={[required]}>
                <CustomerSelect data-testid="order-customer" />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={fixedCustomer === undefined ? 4 : 8}>
            <Form.Item name="order_date" label={t('orders.date')} extra={t('orders.date_help')}>
              <DatePicker format={dateInputFormat(language)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={fixedCustomer === undefined ? 3 : 8}>
            <Form.Item
              name="currency"
              label={t('orders.currency')}
              normalize={(v: string) => v.toUpperCase()}
              rules={[{ pattern: CURRENCY, message: t('orders.currency_invalid') }]}
              extra={accountCurrency ? t('orders.currency_default', { currency: accountCurrency }) : t('orders.currency_default_unknown')}
            >
              <Input maxLength={3} placeholder={accountCurrency} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={fixedCustomer === undefined ? 5 : 8}>
            <Form.Item
              name="prepayment"
              label={t('orders.prepayment')}
              extra={t('orders.prepayment_help')}
              rules={[decimalRule(digits, t('orders.amount_invalid', { count: digits }), false)]}
            >
              <Input inputMode="decimal" placeholder="0" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('orders.lines')} style={{ marginBottom: 16 }}>
        <Form.List
          name="lines"
          rules={[
            {
              validator: async (_, value: unknown[] | undefined) => {
                if (!value || value.length === 0) throw new Error(t('orders.needs_line'));
              },
            },
          ]}
        >
          {(items, { add, remove }, { errors }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {items.map((item, index) => {
                const n = index + 1;
                const amount = totals.lines[index];
                return (
                  <Row key={item.key} gutter={8} align="top" data-testid={`order-line-${index}`}>
                    <Col xs={24} md={7}>
                      <Form.Item
                        name={[item.name, 'product']}
                        label={index === 0 ? t('orders.product') : undefined}
                        rules={[required, { max: 200, message: t('validation.max_chars', { count: 200 }) }]}
                      >
                        <Input maxLength={200} aria-label={t('orders.line_field', { field: t('orders.product'), n })} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={5}>
                      <Form.Item name={[item.name, 'model']} label={index === 0 ? t('orders.model') : undefined}>
                        <Input maxLength={200} aria-label={t('orders.line_field', { field: t('orders.model'), n })} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={3}>
                      <Form.Item
                        name={[item.name, 'quantity']}
                        label={index === 0 ? t('orders.quantity') : undefined}
                        rules={[required, decimalRule(QUANTITY_SCALE, t('orders.quantity_invalid'), true)]}
                      >
                        <Input inputMode="decimal" aria-label={t('orders.line_field', { field: t('orders.quantity'), n })} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={4}>
                      <Form.Item
                        name={[item.name, 'unit_price']}
                        label={index === 0 ? t('orders.unit_price') : undefined}
                        rules={[required, decimalRule(digits, t('orders.amount_invalid', { count: digits }), false)]}
                      >
                        <Input inputMode="decimal" aria-label={t('orders.line_field', { field: t('orders.unit_price'), n })} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={4}>
                      <Form.Item label={index === 0 ? t('orders.line_amount') : undefined}>
                        <Typography.Text strong data-testid={`line-amount-${index}`} style={{ lineHeight: '32px' }}>
                          {amount == null ? '—' : money(amount, currency, language)}
                        </Typography.Text>
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={1}>
                      <Form.Item label={index === 0 ? ' ' : undefined}>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t('orders.remove_line', { n })}
                          disabled={items.length === 1}
                          onClick={() => remove(item.name)}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="order-add-line">
                {t('orders.add_line')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }} bordered>
          <Descriptions.Item label={t('orders.total_amount')}>
            <Typography.Text strong data-testid="order-total">
              {money(totals.total, currency, language)}
            </Typography.Text>
            {!totals.complete && (
              <Typography.Text type="secondary"> ({t('orders.total_incomplete')})</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.credit_part')}>
            <span data-testid="order-credit-part">
              {totals.creditPart === null ? '—' : money(totals.creditPart, currency, language)}
            </span>
          </Descriptions.Item>
        </Descriptions>
        {currency && typedCurrency && accountCurrency && typedCurrency !== accountCurrency && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('orders.converted', { currency: accountCurrency })}
          </Typography.Paragraph>
        )}
      </Card>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="order-submit">
            {submitLabel}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Card>
    </Form>
  );
}
