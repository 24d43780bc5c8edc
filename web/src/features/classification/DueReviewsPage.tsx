// Due reviews (DY-3): the customer files whose periodic review is due — tier A every two months, the
// others quarterly by default (policies) — earliest first, within the reader's scope, each with a
// "mark reviewed" action for those who may change the file.
import { App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { AsOfPicker } from '@/components/AsOfPicker';
import { ErrorState } from '@/components/ErrorState';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useDueReviews, useMarkReviewed, type DueReview } from './api';

export function TierTag({ tier }: { tier: string }) {
  const colors: Record<string, string> = { A: 'gold', B: 'blue', C: 'default', D: 'purple' };
  return <Tag color={colors[tier] ?? 'default'}>{tier}</Tag>;
}

export default function DueReviewsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const { message } = App.useApp();
  const onError = useRequestError();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const due = useDueReviews(asOf);
  const mark = useMarkReviewed();
  const mayMark = auth.can('reviews.mark');

  if (due.isError) return <ErrorState error={due.error} onRetry={() => void due.refetch()} />;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('reviews.title')}
          </Typography.Title>
          <AsOfPicker value={asOf} onChange={setAsOf} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('reviews.explain')}
        </Typography.Paragraph>
      </Card>
      <Card size="small">
        <Table<DueReview>
          rowKey="id"
          size="small"
          loading={due.isLoading}
          dataSource={due.data?.items ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={t('reviews.none_due')} /> }}
          data-testid="due-reviews"
          columns={[
            {
              title: t('customer.name'),
              dataIndex: 'name',
              render: (_: string, r) => <Link to={`/customers/${r.id}?tab=classification`}>{r.name}</Link>,
            },
            { title: t('classification.tier'), dataIndex: 'tier', render: (v: string) => <TierTag tier={v} /> },
            { title: t('reviews.cadence'), dataIndex: 'cadence_months', render: (v: number) => t('reviews.every_months', { count: v }) },
            {
              title: t('reviews.last'),
              dataIndex: 'last_review',
              render: (v: string | null) => (v ? formatDate(v, language) : <Tag>{t('reviews.never')}</Tag>),
            },
            { title: t('reviews.due'), dataIndex: 'due', render: (v: string) => formatDate(v, language) },
            {
              title: t('reviews.overdue'),
              dataIndex: 'days_overdue',
              align: 'right',
              render: (v: number) => (v > 0 ? <Tag color={v > 30 ? 'red' : 'orange'}>{t('reviews.days', { count: v })}</Tag> : '—'),
            },
            ...(mayMark
              ? [
                  {
                    title: '',
                    key: 'action',
                    render: (_: unknown, r: DueReview) => (
                      <Button
                        size="small"
                        loading={mark.isPending && mark.variables?.customerId === r.id}
                        data-testid={`mark-reviewed-${r.id}`}
                        onClick={() =>
                          mark.mutate(
                            { customerId: r.id },
                            {
                              onSuccess: () => message.success(t('reviews.marked', { name: r.name })),
                              onError: (e) => onError(e),
                            },
                          )
                        }
                      >
                        {t('reviews.mark')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
