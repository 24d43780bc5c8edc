// The customer's credit account (as of the file's as-of date, else today): limit, term, validity, grade,
// hold, the exposure and what is left of the limit with the utilization against the 80 % and 90 %
// marks, the temporary exceptions; finance, executives and admins put it on hold, take it off and add
// exceptions. Below, the third-party ratings and credit insurance with the insured part of the exposure,
// the payment behaviour of the twelve months before the day with the grade and score it gives, the
// customer's credit evaluations, the justifications that set a downgrade aside, its credit applications (salespeople and assistants apply from here)
// and its latest orders with the way to enter a new one.
import { FileAddOutlined, LockOutlined, PlusOutlined, ShoppingCartOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { ApplicationStatusTag } from '@/components/ApplicationTags';
import { OrderStatusTag, ReasonTags } from '@/components/OrderTags';
import { gradeLabel } from '@/lib/credit';
import { minorDigits, toUnits } from '@/lib/decimal';
import { dateInputFormat, formatDate, formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import {
  useAddCreditException,
  useCredit,
  useCustomerApplications,
  useCustomerOrders,
  useSetCreditHold,
  type CreditAccount,
  type CustomerApplication,
  type CustomerOrder,
} from '../api';
import { BehaviourCard } from './BehaviourCard';
import { CollectionsCard } from './CollectionsCard';
import { EvaluationsCard } from './EvaluationsCard';
import { JustificationsCard } from './JustificationsCard';
import { ProtectionCard } from './ProtectionCard';

/** The utilization marks (basis points): orange from 80 %, red from 90 %. */
export const UTILIZATION_MARKS = [8000, 9000] as const;

export function utilizationColor(bp: number): string {
  if (bp >= UTILIZATION_MARKS[1]) return '#ff4d4f';
  if (bp >= UTILIZATION_MARKS[0]) return '#faad14';
  return '#52c41a';
}

function UtilizationBar({ bp }: { bp: number | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (bp === null) return <Typography.Text type="secondary">{t('credit.utilization_none')}</Typography.Text>;
  const percent = (v: number) => formatNumber(v / 10000, language, { style: 'percent', maximumFractionDigits: 2 });
  return (
    <div style={{ width: 480, maxWidth: '100%' }} data-testid="credit-utilization" data-bp={bp}>
      <Typography.Text strong style={{ color: utilizationColor(bp) }}>
        {percent(bp)}
      </Typography.Text>
      <div style={{ position: 'relative', marginTop: 4 }}>
        <Progress
          percent={Math.min(100, bp / 100)}
          showInfo={false}
          strokeColor={utilizationColor(bp)}
          style={{ margin: 0, lineHeight: 0 }}
          aria-label={t('credit.utilization')}
        />
        {UTILIZATION_MARKS.map((m) => (
          <div
            key={m}
            aria-hidden
            style={{ position: 'absolute', left: `${m / 100}%`, top: -3, bottom: -3, width: 2, background: '#595959' }}
          />
        ))}
      </div>
      <div style={{ position: 'relative', height: 18, fontSize: 12 }} aria-hidden>
        {UTILIZATION_MARKS.map((m) => (
          <span key={m} style={{ position: 'absolute', left: `${m / 100}%`, transform: 'translateX(-50%)', color: '#595959' }}>
            {percent(m)}
          </span>
        ))}
      </div>
    </div>
  );
}

interface ExceptionValues {
  amount: string;
  period: [Dayjs, Dayjs];
  reason: string;
}

export function CreditTab({ customerId, asOf }: { customerId: number; asOf?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useRequestError();
  const credit = useCredit(customerId, asOf);
  const orders = useCustomerOrders(customerId);
  const applications = useCustomerApplications(customerId);
  const setHold = useSetCreditHold(customerId);
  const addException = useAddCreditException(customerId);
  const [dialog, setDialog] = useState<'hold' | 'exception' | null>(null);
  const [holdForm] = Form.useForm<{ reason: string }>();
  const [exceptionForm] = Form.useForm<ExceptionValues>();

  if (credit.isError) return <ErrorState error={credit.error} onRetry={() => void credit.refetch()} />;
  if (!credit.data) return <Card loading />;
  const a: CreditAccount = credit.data;
  const manage = auth.can('credit.manage') && !asOf;
  const digits = minorDigits(a.currency);
  const day = asOf ?? dayjs().format('YYYY-MM-DD');
  const date = (d: string | null) => (d ? formatDate(d, language) : '—');
  const required = { required: true, whitespace: true, message: t('validation.required') };

  const validity = () => {
    if (!a.valid_from && !a.valid_until) return '—';
    const range = t('credit.valid_range', { from: date(a.valid_from), until: date(a.valid_until) });
    if (a.valid_until && a.valid_until < day)
      return (
        <>
          {range} <Tag color="red">{t('credit.expired')}</Tag>
        </>
      );
    if (a.valid_from && a.valid_from > day)
      return (
        <>
          {range} <Tag color="orange">{t('credit.not_yet')}</Tag>
        </>
      );
    return range;
  };

  const saveHold = (v: { reason: string }) =>
    setHold.mutate(
      { on_hold: !a.on_hold, reason: v.reason.trim() },
      {
        onSuccess: (after) => {
          setDialog(null);
          message.success(after.on_hold ? t('credit.hold_done') : t('credit.unhold_done'));
        },
        onError: (e) => onError(e, holdForm),
      },
    );

  const saveException = (v: ExceptionValues) =>
    addException.mutate(
      {
        amount: v.amount.trim(),
        start: v.period[0].format('YYYY-MM-DD'),
        end: v.period[1].format('YYYY-MM-DD'),
        reason: v.reason.trim(),
      },
      {
        onSuccess: () => {
          setDialog(null);
          message.success(t('credit.exception_added'));
        },
        onError: (e) => onError(e, exceptionForm),
      },
    );

  const orderColumns = [
    {
      title: t('orders.number'),
      dataIndex: 'number',
      render: (n: string, o: CustomerOrder) => <Link to={`/orders/${o.id}`}>{n}</Link>,
    },
    { title: t('orders.date'), dataIndex: 'order_date', render: (d: string) => formatDate(d, language) },
    {
      title: t('orders.amount'),
      dataIndex: 'amount',
      align: 'right' as const,
      render: (m: CustomerOrder['amount']) => formatMoney(m, language),
    },
    { title: t('orders.status'), dataIndex: 'status', render: (s: string) => <OrderStatusTag status={s} /> },
    { title: t('orders.reasons_column'), dataIndex: 'reasons', render: (r: string[]) => <ReasonTags reasons={r} /> },
  ];

  const applicationColumns = [
    {
      title: t('approvals.number'),
      dataIndex: 'id',
      render: (id: number) => <Link to={`/credit-applications/${id}`}>{t('approvals.application_short', { id })}</Link>,
    },
    {
      title: t('approvals.limit'),
      dataIndex: 'limit',
      align: 'right' as const,
      render: (m: CustomerApplication['limit']) => formatMoney(m, language),
    },
    { title: t('credit.term'), dataIndex: 'term_days', render: (d: number) => t('credit.term_days', { count: d }) },
    { title: t('credit.grade'), dataIndex: 'grade', render: (g: string | null) => (g ? gradeLabel(g, t) : '—') },
    { title: t('approvals.status'), dataIndex: 'status', render: (s: string) => <ApplicationStatusTag status={s} /> },
    {
      title: t('approvals.applicant'),
      render: (_: unknown, a: CustomerApplication) =>
        a.source === 'reevaluation' ? t('approvals.source_reevaluation') : a.applicant_name || '—',
    },
    { title: t('approvals.submitted_at'), dataIndex: 'created_at', render: (v: string) => formatDateTime(v, language) },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="credit-tab">
      <Card
        size="small"
        title={t('credit.account', { currency: a.currency })}
        extra={
          <Space wrap>
            {manage && (
              <Button
                icon={a.on_hold ? <UnlockOutlined /> : <LockOutlined />}
                danger={!a.on_hold}
                onClick={() => setDialog('hold')}
                data-testid="credit-hold"
              >
                {a.on_hold ? t('credit.unhold') : t('credit.hold')}
              </Button>
            )}
            {manage && (
              <Button icon={<PlusOutlined />} onClick={() => setDialog('exception')} data-testid="credit-exception">
                {t('credit.add_exception')}
              </Button>
            )}
            {auth.can('approvals.apply') && !asOf && (
              <Button
                icon={<FileAddOutlined />}
                onClick={() => navigate(`/credit-applications/new?customer_id=${customerId}`)}
                data-testid="credit-apply"
              >
                {t('approvals.apply')}
              </Button>
            )}
            {auth.can('orders.enter') && !asOf && (
              <Button
                type="primary"
                icon={<ShoppingCartOutlined />}
                onClick={() => navigate(`/orders/new?customer_id=${customerId}`)}
                data-testid="credit-new-order"
              >
                {t('orders.new')}
              </Button>
            )}
          </Space>
        }
      >
        {a.on_hold && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('credit.on_hold_banner')}
            description={a.hold_reason ?? undefined}
            data-testid="credit-on-hold"
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('credit.limit')}>
            {a.limit ? formatMoney(a.limit, language) : <Typography.Text type="secondary">{t('credit.no_limit')}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.term')}>{t('credit.term_days', { count: a.term_days })}</Descriptions.Item>
          <Descriptions.Item label={t('credit.validity')}>{validity()}</Descriptions.Item>
          <Descriptions.Item label={t('credit.grade')}>
            {a.grade ? (
              <span data-testid="credit-grade">
                {gradeLabel(a.grade, t)}
                {a.score !== null && <Typography.Text type="secondary"> · {t('credit.score', { score: a.score })}</Typography.Text>}
              </span>
            ) : (
              <Typography.Text type="secondary">{t('credit.no_grade')}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.on_hold')}>
            {a.on_hold ? <Tag color="red">{t('credit.on_hold_yes')}</Tag> : t('credit.on_hold_no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.report_date')}>{date(a.report_date)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('credit.exposure_title', { date: formatDate(day, language) })}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('credit.receivables')}>{formatMoney(a.receivables, language)}</Descriptions.Item>
          <Descriptions.Item label={t('credit.reserved_orders')}>{formatMoney(a.reserved_orders, language)}</Descriptions.Item>
          <Descriptions.Item label={t('credit.exposure')}>
            <Typography.Text strong>{formatMoney(a.exposure, language)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.effective_limit')}>{formatMoney(a.effective_limit, language)}</Descriptions.Item>
          <Descriptions.Item label={t('credit.available')}>
            <Typography.Text strong type={a.available.amount.startsWith('-') ? 'danger' : undefined} data-testid="credit-available">
              {formatMoney(a.available, language)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.oldest_overdue')}>
            {a.oldest_overdue ? <Typography.Text type="danger">{date(a.oldest_overdue)}</Typography.Text> : t('credit.none_overdue')}
          </Descriptions.Item>
        </Descriptions>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('credit.utilization')}>
            <UtilizationBar bp={a.utilization_bp} />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('credit.exceptions')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={a.exceptions}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('credit.exceptions_none')} /> }}
          columns={[
            {
              title: t('credit.exception_amount'),
              dataIndex: 'amount',
              align: 'right' as const,
              render: (m: CreditAccount['limit']) => formatMoney(m, language),
            },
            {
              title: t('credit.exception_period'),
              render: (_: unknown, e: CreditAccount['exceptions'][number]) => (
                <>
                  {t('credit.valid_range', { from: date(e.start), until: date(e.end) })}{' '}
                  {e.start <= day && day <= e.end && <Tag color="green">{t('credit.exception_active')}</Tag>}
                </>
              ),
            },
            { title: t('credit.reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>

      <ProtectionCard account={a} customerId={customerId} day={day} manage={manage} />

      <BehaviourCard customerId={customerId} asOf={asOf} />

      <EvaluationsCard customerId={customerId} readOnly={!!asOf} />

      <JustificationsCard customerId={customerId} readOnly={!!asOf} />

      <CollectionsCard customerId={customerId} readOnly={!!asOf} />

      <Card
        size="small"
        title={t('approvals.of_customer')}
        extra={<Link to={`/credit-applications?view=all&customer_id=${customerId}`}>{t('approvals.all_of_customer')}</Link>}
        data-testid="credit-applications"
      >
        {applications.isError ? (
          <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
        ) : (
          <Table<CustomerApplication>
            rowKey="id"
            size="small"
            pagination={false}
            loading={applications.isFetching}
            scroll={{ x: 'max-content' }}
            dataSource={applications.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvals.none')} /> }}
            columns={applicationColumns}
          />
        )}
      </Card>

      <Card
        size="small"
        title={t('credit.recent_orders')}
        extra={<Link to={`/orders?customer_id=${customerId}`}>{t('credit.all_orders')}</Link>}
      >
        {orders.isError ? (
          <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
        ) : (
          <Table<CustomerOrder>
            rowKey="id"
            size="small"
            pagination={false}
            loading={orders.isFetching}
            scroll={{ x: 'max-content' }}
            dataSource={orders.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.none')} /> }}
            columns={orderColumns}
          />
        )}
      </Card>

      <Modal
        open={dialog === 'hold'}
        title={a.on_hold ? t('credit.unhold_title') : t('credit.hold_title')}
        onCancel={() => setDialog(null)}
        onOk={() => holdForm.submit()}
        okText={a.on_hold ? t('credit.unhold') : t('credit.hold')}
        okButtonProps={{ danger: !a.on_hold }}
        cancelText={t('common.cancel')}
        confirmLoading={setHold.isPending}
        destroyOnClose
      >
        <Typography.Paragraph>{a.on_hold ? t('credit.unhold_explain') : t('credit.hold_explain')}</Typography.Paragraph>
        <Form form={holdForm} layout="vertical" onFinish={saveHold} preserve={false}>
          <Form.Item name="reason" label={t('credit.reason')} rules={[required]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'exception'}
        title={t('credit.exception_title')}
        onCancel={() => setDialog(null)}
        onOk={() => exceptionForm.submit()}
        okText={t('credit.add_exception')}
        cancelText={t('common.cancel')}
        confirmLoading={addException.isPending}
        destroyOnClose
      >
        <Typography.Paragraph>{t('credit.exception_explain')}</Typography.Paragraph>
        <Form<ExceptionValues> form={exceptionForm} layout="vertical" onFinish={saveException} preserve={false}>
          <Form.Item
            name="amount"
            label={t('credit.exception_amount')}
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
            <Input inputMode="decimal" addonAfter={a.currency} />
          </Form.Item>
          <Form.Item name="period" label={t('credit.exception_period')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker.RangePicker format={dateInputFormat(language)} />
          </Form.Item>
          <Form.Item name="reason" label={t('credit.reason')} rules={[required]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
