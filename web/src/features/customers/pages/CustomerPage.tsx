// One customer file: its header, and tabs for the profile (by catalog group), contacts, activities,
// history (every version with its changes), completeness and credit (the account, its exposure and the
// customer's orders). A date in the as-of picker shows the file as it was at the end of that day,
// read-only.
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Space, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { PageSpinner } from '@/app/routes';
import { ErrorState } from '@/components/ErrorState';
import { dateInputFormat, formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useCustomer, useCustomerFields } from '../api';
import { ActivitiesTab } from '../components/ActivitiesTab';
import { AssignOwner } from '../components/AssignOwner';
import { CompletenessTab } from '../components/CompletenessTab';
import { ContactsTab } from '../components/ContactsTab';
import { CreditTab } from '../components/CreditTab';
import { ClassificationCard } from '@/features/classification/ClassificationCard';
import { formatValue, HiddenValue } from '../components/FieldValue';
import { HistoryTab } from '../components/HistoryTab';
import { useLabels } from '../labels';

const TABS = ['profile', 'contacts', 'activities', 'history', 'completeness', 'classification', 'credit'] as const;

export default function CustomerPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels();
  const auth = useAuth();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('as_of') ?? undefined;
  const tab = TABS.find((x) => x === search.get('tab') && (x !== 'credit' || auth.can('credit.view'))) ?? 'profile';
  const file = useCustomer(id, asOf);
  const fields = useCustomerFields();

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  if (file.isError) return <ErrorState error={file.error} onRetry={() => void file.refetch()} />;
  if (!file.data || !fields.data) return <PageSpinner />;
  const c = file.data.customer;
  const catalog = fields.data;
  const readOnly = !!asOf || !auth.can('customers.write');
  const record = c as unknown as Record<string, unknown>;
  const completeness = c.completeness;

  const profile = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {catalog.groups.map((g) => (
        <Card key={g} size="small" title={labels.group(g)}>
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, xl: 3 }}>
            {catalog.fields
              .filter((f) => f.group === g)
              .map((f) => (
                <Descriptions.Item key={f.key} label={labels.field(f.key)}>
                  {c.hidden.includes(f.key) ? (
                    <HiddenValue />
                  ) : (
                    <span style={{ whiteSpace: f.type === 'long_text' ? 'pre-wrap' : undefined }}>
                      {formatValue(f, f.key, record[f.key], language, labels)}
                    </span>
                  )}
                </Descriptions.Item>
              ))}
          </Descriptions>
        </Card>
      ))}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="start" wrap="wrap" gap={12}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
              {c.name}
            </Typography.Title>
            <Space wrap style={{ marginTop: 8 }}>
              <Typography.Text code>{c.code}</Typography.Text>
              <Tag>{labels.enumValue('kind', c.kind)}</Tag>
              <Tag color="blue">{labels.enumValue('lifecycle', c.lifecycle)}</Tag>
              <Tag color={c.importance === 'important' ? 'gold' : undefined}>{labels.enumValue('importance', c.importance)}</Tag>
              <Tag>{labels.enumValue('nature', c.nature)}</Tag>
              {c.stage && <Tag>{labels.enumValue('stage', c.stage)}</Tag>}
            </Space>
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('customer.region')}>{labels.region(c.region)}</Descriptions.Item>
              <Descriptions.Item label={t('customer.owner')}>{c.owner_name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('customer.version')}>
                <span data-testid="customer-version">{file.data.version}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('customer.updated_at')}>{formatDateTime(c.updated_at, language)}</Descriptions.Item>
            </Descriptions>
          </div>
          <Space wrap>
            <DatePicker
              aria-label={t('history.as_of')}
              placeholder={t('history.as_of')}
              format={dateInputFormat(language)}
              value={asOf ? dayjs(asOf, 'YYYY-MM-DD') : null}
              disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')}
              onChange={(d: Dayjs | null) => setParam('as_of', d ? d.format('YYYY-MM-DD') : undefined)}
              suffixIcon={<HistoryOutlined />}
              data-testid="as-of-picker"
            />
            {!asOf && auth.can('customers.assign') && <AssignOwner customer={c} />}
            {!readOnly && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/customers/${c.id}/edit`)} data-testid="customer-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        </Flex>
        {asOf && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            message={t('history.viewing_as_of', { date: asOf, version: file.data.version })}
            action={
              <Button size="small" onClick={() => setParam('as_of', undefined)}>
                {t('history.back_to_now')}
              </Button>
            }
          />
        )}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('tab', k === 'profile' ? undefined : k)}
        items={[
          { key: 'profile', label: t('customer.tabs.profile'), children: profile },
          {
            key: 'contacts',
            label: `${t('customer.tabs.contacts')} (${c.contacts.length})`,
            children: <ContactsTab file={file.data} readOnly={readOnly} />,
          },
          { key: 'activities', label: t('customer.tabs.activities'), children: <ActivitiesTab customerId={c.id} readOnly={readOnly} /> },
          { key: 'history', label: t('customer.tabs.history'), children: <HistoryTab customerId={c.id} catalog={catalog} /> },
          {
            key: 'completeness',
            label: `${t('customer.tabs.completeness')} ${completeness.score}%`,
            children: <CompletenessTab completeness={completeness} customerId={c.id} readOnly={readOnly} />,
          },
          {
            key: 'classification',
            label: t('customer.tabs.classification'),
            children: <ClassificationCard customerId={c.id} asOf={asOf} />,
          },
          ...(auth.can('credit.view')
            ? [{ key: 'credit', label: t('customer.tabs.credit'), children: <CreditTab customerId={c.id} asOf={asOf} /> }]
            : []),
        ]}
      />
    </Space>
  );
}
