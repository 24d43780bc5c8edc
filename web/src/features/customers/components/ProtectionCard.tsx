// What protects the credit given to the customer (CE-6, CE-7): the third-party credit ratings, each
// marked when it has expired, the credit insurance policies, each marked when not in force on the day
// shown, and the exposure split into the part the policies in force cover and the rest. Finance,
// executives and admins record ratings and policies in dialogs; the account is read again afterwards.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestError } from '@/app/requestErrors';
import { minorDigits, toUnits } from '@/lib/decimal';
import { dateInputFormat, formatDate, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import {
  useAddInsurance,
  useAddRating,
  type CreditAccount,
  type Insurance,
  type InsuranceInput,
  type Rating,
  type RatingInput,
} from '../api';

export interface RatingValues {
  agency?: string;
  rating?: string;
  day?: Dayjs | null;
  valid_until?: Dayjs | null;
}

export interface InsuranceValues {
  insurer?: string;
  policy_number?: string;
  covered?: { amount?: string };
  start?: Dayjs | null;
  end?: Dayjs | null;
}

const ISO = 'YYYY-MM-DD';

/** The request body of the rating dialog: trimmed texts, the dates given. */
export function ratingBody(v: RatingValues): RatingInput {
  return {
    agency: (v.agency ?? '').trim(),
    rating: (v.rating ?? '').trim(),
    ...(v.day ? { day: v.day.format(ISO) } : {}),
    ...(v.valid_until ? { valid_until: v.valid_until.format(ISO) } : {}),
  };
}

/** The request body of the insurance dialog: the covered amount as typed, in the account currency. */
export function insuranceBody(v: InsuranceValues, currency: string): InsuranceInput {
  return {
    insurer: (v.insurer ?? '').trim(),
    policy_number: (v.policy_number ?? '').trim(),
    covered: { amount: (v.covered?.amount ?? '').trim(), currency },
    start: v.start?.format(ISO) ?? '',
    end: v.end?.format(ISO) ?? '',
  };
}

/** Where a policy stands on `day`: before its start, in force, or after its end. */
export function policyState(p: Pick<Insurance, 'start' | 'end'>, day: string): 'not_started' | 'in_force' | 'ended' {
  if (day < p.start) return 'not_started';
  if (day > p.end) return 'ended';
  return 'in_force';
}

export function ProtectionCard({
  account: a,
  customerId,
  day,
  manage,
}: {
  account: CreditAccount;
  customerId: number;
  /** The day the account is shown for (YYYY-MM-DD): expiry and being in force are judged on it. */
  day: string;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [dialog, setDialog] = useState<'rating' | 'insurance' | null>(null);
  const date = (d: string | null) => (d ? formatDate(d, language) : '—');
  const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;
  const insuredAny = /[1-9]/.test(a.insured.amount);

  return (
    <Card
      size="small"
      title={t('protection.title')}
      data-testid="credit-protection"
      extra={
        manage && (
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setDialog('rating')} data-testid="rating-new">
              {t('protection.add_rating')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setDialog('insurance')} data-testid="insurance-new">
              {t('protection.add_insurance')}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('protection.insured')}>
          <Typography.Text strong type={insuredAny ? 'success' : undefined} data-testid="credit-insured">
            {formatMoney(a.insured, language)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('protection.uninsured')}>
          <Typography.Text strong data-testid="credit-uninsured">
            {formatMoney(a.uninsured, language)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('protection.insured_explain', { date: formatDate(day, language), currency: a.currency })}
      </Typography.Paragraph>

      <Typography.Title level={5}>{t('protection.ratings')}</Typography.Title>
      <Table<Rating>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={a.ratings}
        data-testid="credit-ratings"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('protection.ratings_none')} /> }}
        columns={[
          { title: t('protection.agency'), dataIndex: 'agency' },
          { title: t('protection.rating'), dataIndex: 'rating', render: (r: string) => <Typography.Text strong>{r}</Typography.Text> },
          { title: t('protection.rating_day'), dataIndex: 'day', render: (d: string) => nowrap(date(d)) },
          {
            title: t('protection.valid_until'),
            dataIndex: 'valid_until',
            render: (d: string | null) => (
              <Space size={4}>
                {nowrap(date(d))}
                {d && d < day && (
                  <Tag color="red" data-testid="rating-expired">
                    {t('protection.expired')}
                  </Tag>
                )}
              </Space>
            ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('protection.insurance')}
      </Typography.Title>
      <Table<Insurance>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={a.insurance}
        data-testid="credit-insurance"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('protection.insurance_none')} /> }}
        columns={[
          { title: t('protection.insurer'), dataIndex: 'insurer' },
          { title: t('protection.policy_number'), dataIndex: 'policy_number' },
          {
            title: t('protection.covered'),
            dataIndex: 'covered',
            align: 'right' as const,
            render: (m: Insurance['covered']) => nowrap(formatMoney(m, language)),
          },
          {
            title: t('protection.period'),
            render: (_: unknown, p: Insurance) => {
              const state = policyState(p, day);
              return (
                <Space size={4}>
                  {nowrap(t('credit.valid_range', { from: date(p.start), until: date(p.end) }))}
                  <Tag
                    color={state === 'in_force' ? 'green' : state === 'ended' ? 'red' : 'orange'}
                    data-testid={`insurance-${state}`}
                  >
                    {t(`protection.${state}`)}
                  </Tag>
                </Space>
              );
            },
          },
        ]}
      />

      {dialog === 'rating' && <RatingModal customerId={customerId} onClose={() => setDialog(null)} />}
      {dialog === 'insurance' && (
        <InsuranceModal customerId={customerId} currency={a.currency} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}

function RatingModal({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const onError = useRequestError();
  const add = useAddRating(customerId);
  const [form] = Form.useForm<RatingValues>();
  const required = { required: true, whitespace: true, message: t('validation.required') };

  const save = (v: RatingValues) =>
    add.mutate(ratingBody(v), {
      onSuccess: () => {
        message.success(t('protection.rating_added'));
        onClose();
      },
      onError: (e) => onError(e, form),
    });

  return (
    <Modal
      open
      title={t('protection.rating_title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('protection.add_rating')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">{t('protection.rating_explain')}</Typography.Paragraph>
      <Form<RatingValues> form={form} layout="vertical" onFinish={save} initialValues={{ day: dayjs() }} data-testid="rating-form">
        <Form.Item name="agency" label={t('protection.agency')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="rating" label={t('protection.rating')} rules={[required]}>
          <Input maxLength={50} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="day" label={t('protection.rating_day')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker
                format={dateInputFormat(language)}
                allowClear={false}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="valid_until"
              label={t('protection.valid_until')}
              dependencies={['day']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null | undefined) => {
                    const from = getFieldValue('day') as Dayjs | null | undefined;
                    if (value && from && value.isBefore(from, 'day')) throw new Error(t('protection.valid_until_before'));
                  },
                }),
              ]}
            >
              <DatePicker format={dateInputFormat(language)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function InsuranceModal({ customerId, currency, onClose }: { customerId: number; currency: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const onError = useRequestError();
  const add = useAddInsurance(customerId);
  const [form] = Form.useForm<InsuranceValues>();
  const digits = minorDigits(currency);
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const requiredDate = { required: true, message: t('validation.required') };

  const save = (v: InsuranceValues) =>
    add.mutate(insuranceBody(v, currency), {
      onSuccess: () => {
        message.success(t('protection.insurance_added'));
        onClose();
      },
      onError: (e) => onError(e, form),
    });

  return (
    <Modal
      open
      title={t('protection.insurance_title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('protection.add_insurance')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">{t('protection.insurance_explain', { currency })}</Typography.Paragraph>
      <Form<InsuranceValues> form={form} layout="vertical" onFinish={save} initialValues={{ start: dayjs() }} data-testid="insurance-form">
        <Form.Item name="insurer" label={t('protection.insurer')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="policy_number" label={t('protection.policy_number')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name={['covered', 'amount']}
          label={t('protection.covered')}
          rules={[
            required,
            {
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) return;
                const units = toUnits(value, digits);
                if (units === null || units <= 0n) throw new Error(t('orders.amount_invalid', { count: digits }));
              },
            },
          ]}
        >
          <Input inputMode="decimal" addonAfter={currency} autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="start" label={t('protection.start')} rules={[requiredDate]}>
              <DatePicker format={dateInputFormat(language)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="end"
              label={t('protection.end')}
              dependencies={['start']}
              rules={[
                requiredDate,
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null | undefined) => {
                    const from = getFieldValue('start') as Dayjs | null | undefined;
                    if (value && from && value.isBefore(from, 'day')) throw new Error(t('protection.end_before'));
                  },
                }),
              ]}
            >
              <DatePicker format={dateInputFormat(language)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
