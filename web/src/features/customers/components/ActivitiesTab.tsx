// The activity log: append-only, newest first, filtered by type; a correction is a new entry.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Form, Input, Select, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { dateInputFormat, formatDate, formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useActivities, useAddActivity, useCustomerFields } from '../api';
import { useLabels } from '../labels';

interface Values {
  type: string;
  date: Dayjs;
  summary: string;
  details?: string;
}

export function ActivitiesTab({ customerId, readOnly }: { customerId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels();
  const onError = useRequestError();
  const activities = useActivities(customerId);
  const fields = useCustomerFields();
  const add = useAddActivity(customerId);
  const [adding, setAdding] = useState(false);
  const [type, setType] = useState<string | undefined>();
  const [form] = Form.useForm<Values>();
  const types = fields.data?.activity_types ?? [];

  if (activities.isError) return <ErrorState error={activities.error} onRetry={() => void activities.refetch()} />;
  const items = (activities.data?.items ?? []).filter((a) => !type || a.type === type);

  const save = (v: Values) =>
    add.mutate(
      {
        type: v.type as never,
        date: v.date.format('YYYY-MM-DD'),
        summary: v.summary.trim(),
        ...(v.details?.trim() ? { details: v.details.trim() } : {}),
      },
      {
        onSuccess: () => {
          form.resetFields();
          setAdding(false);
        },
        onError: (e) => onError(e, form),
      },
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {!readOnly && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding((a) => !a)}>
            {t('activities.add')}
          </Button>
        )}
        <Select
          allowClear
          placeholder={t('activities.type')}
          aria-label={t('activities.type')}
          value={type}
          onChange={setType}
          style={{ width: 180 }}
          options={types.map((x) => ({ value: x, label: labels.enumValue('activity_type', x) }))}
        />
      </Space>
      {adding && (
        <Card size="small">
          <Form form={form} layout="vertical" onFinish={save} initialValues={{ type: 'visit', date: dayjs() }}>
            <Space wrap align="start">
              <Form.Item name="type" label={t('activities.type')} rules={[{ required: true }]}>
                <Select style={{ width: 180 }} options={types.map((x) => ({ value: x, label: labels.enumValue('activity_type', x) }))} />
              </Form.Item>
              <Form.Item name="date" label={t('activities.date')} rules={[{ required: true, message: t('validation.required') }]}>
                <DatePicker format={dateInputFormat(language)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Space>
            <Form.Item name="summary" label={t('activities.summary')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="details" label={t('activities.details')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      )}
      {activities.isPending ? null : items.length === 0 ? (
        <Empty description={t('activities.none')} />
      ) : (
        <Timeline
          items={items.map((a) => ({
            key: a.id,
            children: (
              <>
                <Typography.Text strong>{formatDate(a.date, language)}</Typography.Text> ·{' '}
                {labels.enumValue('activity_type', a.type)} · {a.summary}
                {a.details && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{a.details}</Typography.Paragraph>}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('activities.recorded_by', { name: a.author_name, at: formatDateTime(a.created_at, language) })}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Space>
  );
}
