// The exchange rates (OP-2): the base currency and, by currency and newest day first, the rates into it
// that orders (at their order date) and invoices (at their issue date) convert at, the one in force today
// marked. Every role may read them; finance and admins enter a currency's rate from a day on (the same
// day again replaces it). The rate is typed and sent as text, never as a floating-point number.
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { dateInputFormat, formatDate, formatDateTime, formatDecimal } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useFxRates, useSetFxRate, type FxRate, type FxRateInput } from './api';
import { daysInForce, isCurrencyCode, isRate } from './rate';

export interface FxRateValues {
  currency?: string;
  day?: Dayjs | null;
  rate?: string;
}

/** The request body of the form's values: the code in capitals, the rate as typed (trimmed). */
export function fxRateBody(values: FxRateValues): FxRateInput {
  return {
    currency: (values.currency ?? '').trim().toUpperCase(),
    ...(values.day ? { day: values.day.format('YYYY-MM-DD') } : {}),
    rate: (values.rate ?? '').trim(),
  };
}

function FxRateForm({ base }: { base: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const onError = useRequestError();
  const save = useSetFxRate();
  const [form] = Form.useForm<FxRateValues>();
  const typed = ((Form.useWatch('currency', form) as string | undefined) ?? '').trim();
  const currency = isCurrencyCode(typed) ? typed : null;

  const submit = (values: FxRateValues) =>
    save.mutate(fxRateBody(values), {
      onSuccess: (r) => {
        message.success(t('fx.saved', { currency: r.currency, day: formatDate(r.day, language), rate: formatDecimal(r.rate, language) }));
        form.resetFields(['rate']);
      },
      onError: (e) => onError(e, form),
    });

  return (
    <Card size="small" title={t('fx.enter_title')} data-testid="fx-form">
      <Typography.Paragraph type="secondary">{t('fx.enter_explain')}</Typography.Paragraph>
      <Form<FxRateValues> form={form} layout="vertical" onFinish={submit} initialValues={{ day: dayjs() }}>
        <Row gutter={16} align="top">
          <Col xs={24} sm={6} md={4}>
            <Form.Item
              name="currency"
              label={t('fx.currency')}
              normalize={(v: string) => v.toUpperCase()}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                {
                  validator: async (_, value: string | undefined) => {
                    const v = value?.trim() ?? '';
                    if (!v) return;
                    if (!isCurrencyCode(v)) throw new Error(t('fx.currency_invalid'));
                    if (base && v === base) throw new Error(t('fx.currency_base', { base }));
                  },
                },
              ]}
            >
              <Input maxLength={3} placeholder="USD" style={{ textTransform: 'uppercase' }} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8} md={6}>
            <Form.Item name="day" label={t('fx.from_day')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker format={dateInputFormat(language)} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10} md={8}>
            <Form.Item
              name="rate"
              label={t('fx.rate')}
              extra={base ? t('fx.rate_meaning', { base, currency: currency ?? '…' }) : undefined}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value?.trim()) return;
                    if (!isRate(value)) throw new Error(t('fx.rate_invalid'));
                  },
                },
              ]}
            >
              <Input inputMode="decimal" placeholder="7.1234" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="fx-save">
                {t('fx.save')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

export default function FxRatesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const [filter, setFilter] = useState<string | undefined>(undefined);
  const all = useFxRates();
  const filtered = useFxRates(filter);
  const shown = filter ? filtered : all;
  const today = dayjs().format('YYYY-MM-DD');
  const items = useMemo(() => shown.data?.items ?? [], [shown.data]);
  const inForce = useMemo(() => daysInForce(items, today), [items, today]);
  const currencies = useMemo(
    () => [...new Set((all.data?.items ?? []).map((r) => r.currency))].sort(),
    [all.data],
  );
  const base = all.data?.base;

  if (all.isError) return <ErrorState error={all.error} onRetry={() => void all.refetch()} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('fx.title')}
      </Typography.Title>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('fx.base')}>
          <Typography.Text strong data-testid="fx-base">
            {base ?? '—'}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('fx.explain')}
      </Typography.Paragraph>

      {auth.can('fx.manage') && <FxRateForm base={base} />}

      <Card
        size="small"
        title={t('fx.rates')}
        extra={
          <Select
            allowClear
            showSearch
            style={{ width: 180 }}
            placeholder={t('fx.all_currencies')}
            value={filter}
            onChange={(v: string | undefined) => setFilter(v || undefined)}
            options={currencies.map((c) => ({ value: c, label: c }))}
            aria-label={t('fx.filter_currency')}
            data-testid="fx-filter"
          />
        }
      >
        {shown.isError ? (
          <ErrorState error={shown.error} onRetry={() => void shown.refetch()} />
        ) : (
          <Table<FxRate>
            rowKey={(r) => `${r.currency}/${r.day}`}
            size="small"
            loading={shown.isFetching}
            dataSource={items}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fx.none')} /> }}
            columns={[
              { title: t('fx.currency'), dataIndex: 'currency', render: (c: string) => <Typography.Text strong>{c}</Typography.Text> },
              {
                title: t('fx.from_day'),
                dataIndex: 'day',
                render: (d: string, r) => (
                  <Space size={4}>
                    <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d, language)}</span>
                    {inForce.get(r.currency) === d && <Tag color="green">{t('fx.in_force')}</Tag>}
                    {d > today && <Tag>{t('fx.future')}</Tag>}
                  </Space>
                ),
              },
              {
                title: base ? t('fx.rate_column', { base }) : t('fx.rate'),
                dataIndex: 'rate',
                align: 'right' as const,
                render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDecimal(v, language)}</span>,
              },
              { title: t('fx.updated_at'), dataIndex: 'updated_at', render: (v: string) => formatDateTime(v, language) },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
