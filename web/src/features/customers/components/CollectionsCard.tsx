// The customer's collections on its credit tab (AR-4): its collection cases, with "open a case" for those
// who work them when none is open, and the reminders sent for it, each listing the items it named.
import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, data } from '@/api/client';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { formatDate, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';

export function CollectionsCard({ customerId, readOnly }: { customerId: number; readOnly?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const onError = useRequestError();
  const cases = useQuery({
    queryKey: ['collection-cases', 'list', { customer_id: customerId, page: 1, page_size: 5 }],
    queryFn: () => data(api.GET('/collection-cases', { params: { query: { customer_id: customerId, page: 1, page_size: 5 } } })),
  });
  const reminders = useQuery({
    queryKey: ['collection-cases', 'reminders', customerId],
    queryFn: () => data(api.GET('/customers/{id}/reminders', { params: { path: { id: customerId } } })),
  });
  const open = useMutation({
    mutationFn: () => data(api.POST('/collection-cases', { body: { customer_id: customerId } })),
    onSuccess: (k) => {
      void client.invalidateQueries({ queryKey: ['collection-cases'] });
      message.success(t('collections.case_opened'));
      navigate(`/collection-cases/${k.id}`);
    },
    onError: (e) => onError(e),
  });
  const openCase = cases.data?.items.find((k) => k.status === 'open');

  return (
    <Card
      size="small"
      title={t('collections.of_customer')}
      data-testid="customer-collections"
      extra={
        openCase ? (
          <Link to={`/collection-cases/${openCase.id}`} data-testid="customer-open-case">
            {t('collections.case_n', { id: openCase.id })} · {t(`collections.stages.${openCase.stage}`)}
          </Link>
        ) : (
          !readOnly &&
          auth.can('collections.work') && (
            <Button size="small" loading={open.isPending} onClick={() => open.mutate()} data-testid="customer-open-case-button">
              {t('collections.open_case')}
            </Button>
          )
        )
      }
    >
      <Typography.Text strong>{t('collections.reminders')}</Typography.Text>
      {reminders.isError ? (
        <ErrorState error={reminders.error} onRetry={() => void reminders.refetch()} />
      ) : (
        <List
          size="small"
          loading={reminders.isPending}
          dataSource={(reminders.data?.items ?? []).slice(0, 10)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('collections.no_reminders')} /> }}
          data-testid="customer-reminders"
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <Typography.Text>{t('collections.reminder_of', { date: formatDate(r.day, language), count: r.items.length })}</Typography.Text>
                <Space wrap size={4}>
                  {r.items.map((i) => (
                    <Tag key={i.invoice_id}>
                      {i.number} · {formatMoney(i.open, language)} ·{' '}
                      {i.offset < 0
                        ? t('collections.days_before', { count: -i.offset })
                        : i.offset === 0
                          ? t('collections.due_today')
                          : t('collections.days_after', { count: i.offset })}
                    </Tag>
                  ))}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
