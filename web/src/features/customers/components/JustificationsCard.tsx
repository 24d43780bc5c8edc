// Justifications that set the quarterly re-evaluation's downgrade aside (AP-2): after talking to the
// customer, a manager records why its late payments are normal; while one runs, the re-evaluation makes no
// downgrade proposal. Regional and sales managers, finance and executives record them; never deleted.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { dateInputFormat, formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useJustifications, useRecordJustification, type Justification } from '../api';

/** The server's limit on how far ahead a justification may run. */
export const MAX_JUSTIFICATION_DAYS = 366;

/** The default end: the last day of the quarter after today's, so that the next re-evaluation is covered. */
export function defaultJustificationEnd(today: Dayjs): Dayjs {
  const quarterStartMonth = Math.floor(today.month() / 3) * 3;
  return today.startOf('month').month(quarterStartMonth).add(6, 'month').subtract(1, 'day');
}

/** Whether a justification runs on `day` (YYYY-MM-DD): from the day it was recorded to its end, inclusive. */
export function runsOn(j: Pick<Justification, 'day' | 'valid_until'>, day: string): boolean {
  return j.day <= day && day <= j.valid_until;
}

interface Values {
  reason?: string;
  valid_until?: Dayjs;
}

export function JustificationsCard({ customerId, readOnly }: { customerId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const { message } = App.useApp();
  const onError = useRequestError();
  const list = useJustifications(customerId);
  const record = useRecordJustification(customerId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const today = dayjs();
  const todayText = today.format('YYYY-MM-DD');
  const mayRecord = auth.can('credit.justify') && !readOnly;

  const submit = (values: Values) =>
    record.mutate(
      { reason: (values.reason ?? '').trim(), valid_until: values.valid_until!.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          message.success(t('justification.saved'));
          setOpen(false);
          form.resetFields();
        },
        onError: (e) => onError(e, form),
      },
    );

  return (
    <Card
      size="small"
      title={t('justification.title')}
      data-testid="justifications"
      extra={
        mayRecord && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="justification-new">
            {t('justification.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('justification.explain')}
      </Typography.Paragraph>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Justification>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('justification.none') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('justification.period'),
              key: 'period',
              render: (_: unknown, j) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(j.day, language)} – {formatDate(j.valid_until, language)}{' '}
                  {runsOn(j, todayText) ? (
                    <Tag color="green">{t('justification.running')}</Tag>
                  ) : j.valid_until < todayText ? (
                    <Tag>{t('justification.ended')}</Tag>
                  ) : null}
                </span>
              ),
            },
            {
              title: t('justification.reason'),
              dataIndex: 'reason',
              render: (r: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{r}</span>,
            },
            { title: t('justification.by'), dataIndex: 'created_by_name' },
          ]}
        />
      )}
      <Modal
        open={open}
        title={t('justification.new_title')}
        okText={t('justification.save')}
        onOk={() => form.submit()}
        confirmLoading={record.isPending}
        onCancel={() => setOpen(false)}
        destroyOnClose
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ valid_until: defaultJustificationEnd(today) }}
        >
          <Form.Item
            name="reason"
            label={t('justification.reason')}
            rules={[{ required: true, whitespace: true, message: t('justification.reason_required') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="justification-reason" />
          </Form.Item>
          <Form.Item
            name="valid_until"
            label={t('justification.valid_until')}
            rules={[{ required: true, message: t('justification.valid_until_required') }]}
          >
            <DatePicker
              format={dateInputFormat(language)}
              disabledDate={(d) => d.isBefore(today, 'day') || d.isAfter(today.add(MAX_JUSTIFICATION_DAYS, 'day'), 'day')}
              data-testid="justification-until"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
