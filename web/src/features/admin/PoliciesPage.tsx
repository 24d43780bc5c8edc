// Business policies kept in the database (ownership cap, neglect and notice days, leak detection
// thresholds…): their values, defaults and meaning; admins change them, every change audited.
import { App, Checkbox, InputNumber, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '@/api/client';
import type { paths } from '@/api/generated/schema';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { isRecipientsPolicy, maskOfRecipients, RECIPIENT_BITS, recipientsOfMask } from './recipients';

type PolicyKey = paths['/policies/{key}']['put']['parameters']['path']['key'];

export default function PoliciesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const { message } = App.useApp();
  const onError = useRequestError();
  const queryClient = useQueryClient();
  const policies = useQuery({ queryKey: ['policies'], queryFn: () => data(api.GET('/policies')) });
  const save = useMutation({
    mutationFn: ({ key, value }: { key: string; value: number }) =>
      // The path names the keys the API knows; the list comes from the API itself.
      data(api.PUT('/policies/{key}', { params: { path: { key: key as PolicyKey } }, body: { value } })),
    onSuccess: () => {
      message.success(t('policies.saved'));
      void queryClient.invalidateQueries({ queryKey: ['policies'] });
    },
    onError: (e) => onError(e),
  });
  const editable = auth.can('policies.edit');
  if (policies.isError) return <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />;
  return (
    <>
      <Typography.Title level={3}>{t('nav.policies')}</Typography.Title>
      <Table<Schemas['Policy']>
        rowKey="key"
        loading={policies.isPending}
        dataSource={policies.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('policies.policy'),
            dataIndex: 'key',
            render: (k: string, p) => (
              <>
                <Typography.Text strong>{t(`policies.keys.${k}`, { defaultValue: k })}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{p.meaning}</Typography.Text>
              </>
            ),
          },
          {
            title: t('policies.value'),
            dataIndex: 'value',
            width: 200,
            render: (v: number, p) =>
              isRecipientsPolicy(p.key) ? (
                <Checkbox.Group
                  aria-label={t(`policies.keys.${p.key}`, { defaultValue: p.key })}
                  data-testid={`policy-${p.key}`}
                  disabled={!editable}
                  value={recipientsOfMask(v)}
                  options={RECIPIENT_BITS.map(([r]) => ({ value: r, label: t(`policies.recipients.${r}`) }))}
                  onChange={(chosen) => {
                    const value = maskOfRecipients(chosen as string[]);
                    if (value === 0) message.warning(t('policies.recipients.none'));
                    else if (value !== v) save.mutate({ key: p.key, value });
                  }}
                  style={{ display: 'flex', flexDirection: 'column' }}
                />
              ) : editable ? (
                <InputNumber
                  aria-label={t(`policies.keys.${p.key}`, { defaultValue: p.key })}
                  defaultValue={v}
                  min={p.min}
                  max={p.max}
                  precision={0}
                  onBlur={(e) => {
                    const value = Number(e.target.value);
                    if (Number.isFinite(value) && value !== v) save.mutate({ key: p.key, value });
                  }}
                />
              ) : (
                v
              ),
          },
          { title: t('policies.default'), dataIndex: 'default', width: 100 },
          {
            title: t('policies.updated'),
            dataIndex: 'updated_at',
            width: 180,
            render: (v: string | null) => (v ? formatDateTime(v, language) : '—'),
          },
        ]}
      />
    </>
  );
}
