// Every version of a file, newest first: who, when, why, and each changed field before → after.
import { Button, Empty, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorState } from '@/components/ErrorState';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import type { Schemas } from '@/api/client';
import { useHistory, type CustomerFields } from '../api';
import { useLabels } from '../labels';
import { HiddenValue } from './FieldValue';

/** "contacts[17].title" → "联系人 #17 · 职务"; catalog keys → their label. */
export function useChangeLabel() {
  const { t } = useTranslation();
  const labels = useLabels();
  return (field: string) => {
    const contact = /^contacts\[(\d+)\](?:\.(.+))?$/.exec(field);
    if (contact) {
      const sub = contact[2] ? ` · ${t(`contacts.fields.${contact[2]}`, { defaultValue: contact[2] })}` : '';
      return `${t('contacts.contact')} #${contact[1]}${sub}`;
    }
    return t(`customer.${field}`, { defaultValue: '' }) || labels.field(field);
  };
}

export function HistoryTab({ customerId }: { customerId: number; catalog: CustomerFields }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const history = useHistory(customerId);
  const label = useChangeLabel();

  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.isPending) return null;
  const items = history.data.items;
  if (items.length === 0) return <Empty />;

  return (
    <Timeline
      data-testid="history"
      items={items.map((v: Schemas['Version']) => ({
        key: v.version,
        children: (
          <div>
            <Typography.Text strong>{t('customer.version_n', { version: v.version })}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(v.at, language)} · {v.actor_name}
            </Typography.Text>{' '}
            <Button
              size="small"
              type="link"
              onClick={() => navigate(`/customers/${customerId}?as_of=${v.at.slice(0, 10)}`)}
            >
              {t('history.view_that_day')}
            </Button>
            {v.reason && (
              <div>
                <Tag>{t('history.reason')}</Tag>
                {v.reason}
              </div>
            )}
            {v.version === 1 && v.changes.length > 0 ? (
              <Typography.Paragraph type="secondary">{t('history.created', { count: v.changes.length })}</Typography.Paragraph>
            ) : (
              <Table
                size="small"
                style={{ marginTop: 8, maxWidth: 900 }}
                pagination={false}
                rowKey="field"
                dataSource={v.changes}
                columns={[
                  { title: t('conflict.field'), dataIndex: 'field', width: '30%', render: (f: string) => label(f) },
                  {
                    title: t('history.before'),
                    dataIndex: 'before',
                    render: (x: string | null, ch: Schemas['FieldChange']) =>
                      ch.hidden ? <HiddenValue /> : x === null ? <Typography.Text type="secondary">—</Typography.Text> : <del>{x}</del>,
                  },
                  {
                    title: t('history.after'),
                    dataIndex: 'after',
                    render: (x: string | null, ch: Schemas['FieldChange']) =>
                      ch.hidden ? <HiddenValue /> : x === null ? <Typography.Text type="secondary">—</Typography.Text> : <ins>{x}</ins>,
                  },
                ]}
              />
            )}
          </div>
        ),
      }))}
    />
  );
}
