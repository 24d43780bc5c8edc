// The form of a credit application and of a returned one submitted again: the customer (new
// applications only), the requested limit (in the account currency unless another is typed), the
// payment term (empty: the account's), the grade, the date of the credit report behind the request and
// the reason. The customer's current terms and exposure are shown beside it: the server refuses a limit
// below the exposure, and its field errors land on the inputs.
import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CustomerSelect } from '@/components/CustomerSelect';
import { CREDIT_GRADES, gradeLabel, type CreditGrade } from '@/lib/credit';
import { minorDigits, toUnits } from '@/lib/decimal';
import { dateInputFormat, formatDate, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useCreditAccount, type Application, type ApplicationChange } from '../api';

export interface ApplicationFormValues {
  customer_id?: number;
  limit?: string;
  currency?: string;
  term_days?: number | null;
  grade?: CreditGrade | null;
  report_date?: Dayjs | null;
  reason?: string;
}

const CURRENCY = /^[A-Z]{3}$/;
export const MAX_TERM_DAYS = 3650;

/** The request body of the form's values: trimmed, without the empty optional members. */
export function applicationChange(values: ApplicationFormValues): ApplicationChange {
  const currency = values.currency?.trim().toUpperCase();
  const body: ApplicationChange = {
    limit: { amount: (values.limit ?? '').trim(), ...(currency ? { currency } : {}) },
    reason: (values.reason ?? '').trim(),
  };
  if (typeof values.term_days === 'number') body.term_days = values.term_days;
  if (values.grade) body.grade = values.grade;
  if (values.report_date) body.report_date = values.report_date.format('YYYY-MM-DD');
  return body;
}

/** The form's values for an application's requested terms (to change a returned one). */
export function valuesOf(a: Application): ApplicationFormValues {
  return {
    limit: a.limit.amount,
    currency: a.limit.currency,
    term_days: a.term_days,
    grade: (a.grade as CreditGrade | null) ?? null,
    report_date: a.report_date ? dayjs(a.report_date) : null,
    reason: a.reason,
  };
}

interface Props {
  form: FormInstance<ApplicationFormValues>;
  initialValues: ApplicationFormValues;
  /** A resubmitted application keeps its customer: it is shown, not chosen. */
  fixedCustomer?: number;
  submitting: boolean;
  submitLabel: string;
  onSubmit: (values: ApplicationFormValues) => void;
  onCancel: () => void;
}

export function ApplicationForm({ form, initialValues, fixedCustomer, submitting, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const chosenCustomer = Form.useWatch('customer_id', form) as number | undefined;
  const customerId = fixedCustomer ?? chosenCustomer ?? initialValues.customer_id;
  const account = useCreditAccount(customerId);
  const a = account.data;
  const typedCurrency = ((Form.useWatch('currency', form) as string | undefined) ?? '').trim().toUpperCase();
  const currency = CURRENCY.test(typedCurrency) ? typedCurrency : a?.currency;
  const digits = minorDigits(currency);
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Form<ApplicationFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      scrollToFirstError
      data-testid="application-form"
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {fixedCustomer === undefined && (
            <Col xs={24}>
              <Form.Item name="customer_id" label={t('approvals.customer')} rules={[{ required: true, message: t('validation.required') }]}>
                <CustomerSelect data-testid="application-customer" />
              </Form.Item>
            </Col>
          )}
          {a && (
            <Col xs={24}>
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 16 }} data-testid="application-current">
                <Descriptions.Item label={t('approvals.current_limit')}>
                  {a.limit ? formatMoney(a.limit, language) : t('credit.no_limit')}
                </Descriptions.Item>
                <Descriptions.Item label={t('credit.term')}>{t('credit.term_days', { count: a.term_days })}</Descriptions.Item>
                <Descriptions.Item label={t('credit.grade')}>{a.grade ? gradeLabel(a.grade, t) : t('credit.no_grade')}</Descriptions.Item>
                <Descriptions.Item label={t('credit.exposure')}>{formatMoney(a.exposure, language)}</Descriptions.Item>
              </Descriptions>
            </Col>
          )}
          <Col xs={16} md={8}>
            <Form.Item
              name="limit"
              label={t('approvals.limit')}
              extra={t('approvals.limit_help')}
              rules={[
                required,
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value?.trim()) return;
                    if (toUnits(value, digits) === null) throw new Error(t('orders.amount_invalid', { count: digits }));
                  },
                },
              ]}
            >
              <Input inputMode="decimal" addonAfter={currency} />
            </Form.Item>
          </Col>
          <Col xs={8} md={4}>
            <Form.Item
              name="currency"
              label={t('orders.currency')}
              normalize={(v: string) => v.toUpperCase()}
              rules={[{ pattern: CURRENCY, message: t('orders.currency_invalid') }]}
              extra={a ? t('orders.currency_default', { currency: a.currency }) : t('orders.currency_default_unknown')}
            >
              <Input maxLength={3} placeholder={a?.currency} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="term_days"
              label={t('approvals.term_days')}
              extra={a ? t('approvals.term_default', { count: a.term_days }) : t('approvals.term_default_unknown')}
            >
              <InputNumber
                min={0}
                max={MAX_TERM_DAYS}
                precision={0}
                style={{ width: '100%' }}
                placeholder={a ? String(a.term_days) : undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="grade" label={t('credit.grade')} extra={t('approvals.grade_help')}>
              <Select<CreditGrade>
                allowClear
                options={CREDIT_GRADES.map((g) => ({ value: g, label: gradeLabel(g, t) }))}
                data-testid="application-grade"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="report_date" label={t('approvals.report_date')} extra={t('approvals.report_date_help')}>
              <DatePicker
                format={dateInputFormat(language)}
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="reason"
              label={t('approvals.reason')}
              rules={[required, { max: 4000, message: t('validation.max_chars', { count: 4000 }) }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>
        {a?.report_date && (
          <Typography.Text type="secondary">{t('approvals.last_report', { date: formatDate(a.report_date, language) })}</Typography.Text>
        )}
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="application-submit">
            {submitLabel}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Card>
    </Form>
  );
}
