// The customer list: search (any script, substrings of two characters and more), filters, sorting and
// pages, all kept in the address so that a list can be bookmarked, shared and returned to.
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Dropdown,
  Empty,
  Flex,
  Input,
  Progress,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { gradeLabel } from '@/lib/credit';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { downloadExport, useCustomerFields, useCustomerList, type CustomerSummary, type ListParams } from '../api';
import { useLabels, type EnumName } from '../labels';

const FILTERS = ['region', 'kind', 'lifecycle', 'importance', 'nature', 'tier', 'grade'] as const;
const TIERS = ['A', 'B', 'C', 'D'];
const GRADES = ['I', 'II', 'III', 'IV'];
type FilterName = (typeof FILTERS)[number];
const SORTS = ['-updated_at', 'updated_at', 'name', '-name', 'code', '-code', '-created_at', 'created_at'];
const LIFECYCLE_COLORS: Record<string, string> = {
  prospect: 'default',
  new: 'blue',
  established: 'green',
  dormant: 'orange',
  lost: 'red',
};

/** The list parameters held in the address bar. */
export function paramsFromSearch(search: URLSearchParams): ListParams {
  const p: ListParams = {};
  const q = search.get('q');
  if (q) p.q = q;
  for (const f of FILTERS) {
    const v = search.get(f);
    if (!v || (f === 'tier' && !TIERS.includes(v)) || (f === 'grade' && !GRADES.includes(v))) continue;
    (p as Record<string, string>)[f] = v;
  }
  const owner = Number(search.get('owner_id'));
  if (owner > 0) p.owner_id = owner;
  if (search.get('unassigned') === 'true') p.unassigned = true;
  const sort = search.get('sort');
  if (sort && SORTS.includes(sort)) p.sort = sort;
  const page = Number(search.get('page'));
  p.page = page > 0 ? page : 1;
  const size = Number(search.get('page_size'));
  p.page_size = [20, 50, 100, 200].includes(size) ? size : 20;
  return p;
}

export default function CustomerListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const labels = useLabels();
  const navigate = useNavigate();
  const onError = useRequestError();
  const fields = useCustomerFields();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => paramsFromSearch(search), [search]);
  const list = useCustomerList(params);
  const [text, setText] = useState(params.q ?? '');
  const [exporting, setExporting] = useState(false);

  const update = (changes: Record<string, string | number | undefined>, resetPage = true) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setSearch(next);
  };

  const options = (name: Exclude<FilterName, 'region' | 'tier' | 'grade'>) => {
    const values: Record<Exclude<FilterName, 'region' | 'tier' | 'grade'>, string[] | undefined> = {
      kind: fields.data?.kinds,
      lifecycle: fields.data?.lifecycles,
      importance: fields.data?.importances,
      nature: fields.data?.natures,
    };
    return (values[name] ?? []).map((v) => ({ value: v, label: labels.enumValue(name as EnumName, v) }));
  };

  // The filters chosen from a list: the file's own fields, then today's tier and the credit grade.
  const selects: { name: FilterName; label: string; width: number; options: { value: string; label: string }[] }[] = [
    { name: 'region', label: t('customer.region'), width: 120, options: labels.regions.map((r) => ({ value: r.code, label: labels.region(r.code) })) },
    ...(['kind', 'lifecycle', 'importance', 'nature'] as const).map((f) => ({ name: f, label: t(`customer.${f}`), width: 130, options: options(f) })),
    { name: 'tier', label: t('customers.tier'), width: 110, options: TIERS.map((v) => ({ value: v, label: t('classification.tier_label', { tier: v }) })) },
    { name: 'grade', label: t('customers.grade'), width: 110, options: GRADES.map((v) => ({ value: v, label: gradeLabel(v, t) })) },
  ];

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      await downloadExport(format, params);
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<CustomerSummary>['columns'] = [
    { title: t('customer.code'), dataIndex: 'code', width: 130, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: t('customer.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, row) => <Link to={`/customers/${row.id}`}>{name}</Link>,
    },
    { title: t('customer.kind'), dataIndex: 'kind', width: 110, responsive: ['md'], render: (v: string) => labels.enumValue('kind', v) },
    { title: t('customer.region'), dataIndex: 'region', width: 100, render: (v: string) => labels.region(v) },
    { title: t('customer.owner'), dataIndex: 'owner_name', width: 120, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: t('fields.phone'), dataIndex: 'phone', width: 150, responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    {
      title: t('customer.lifecycle'),
      dataIndex: 'lifecycle',
      width: 110,
      render: (v: string) => <Tag color={LIFECYCLE_COLORS[v]}>{labels.enumValue('lifecycle', v)}</Tag>,
    },
    { title: t('customer.importance'), dataIndex: 'importance', width: 110, responsive: ['lg'], render: (v: string) => labels.enumValue('importance', v) },
    {
      title: t('customer.completeness'),
      dataIndex: 'completeness',
      width: 130,
      responsive: ['md'],
      render: (v: number) => <Progress percent={v} size="small" status={v < 60 ? 'exception' : 'normal'} />,
    },
    {
      title: t('customer.updated_at'),
      dataIndex: 'updated_at',
      width: 170,
      responsive: ['xl'],
      render: (v: string) => formatDateTime(v, language),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.customers')}
        </Typography.Title>
        <Space wrap>
          {auth.can('customers.import') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/customers/import')}>
              {t('customers.import')}
            </Button>
          )}
          {auth.can('customers.export') && (
            <Dropdown
              menu={{
                items: [
                  { key: 'csv', label: 'CSV', onClick: () => void exportAs('csv') },
                  { key: 'xlsx', label: 'Excel (XLSX)', onClick: () => void exportAs('xlsx') },
                ],
              }}
            >
              <Button icon={<DownloadOutlined />} loading={exporting}>
                {t('customers.export')}
              </Button>
            </Dropdown>
          )}
          {auth.can('customers.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
              {t('customers.new')}
            </Button>
          )}
        </Space>
      </Flex>
      <Card size="small">
        <Flex wrap="wrap" gap={8} align="center">
          <Input.Search
            allowClear
            aria-label={t('customers.search')}
            placeholder={t('customers.search_placeholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ q: v.trim() })}
            style={{ width: 300, maxWidth: '100%' }}
            data-testid="customer-search"
          />
          {selects.map((f) => (
            <Select
              key={f.name}
              allowClear
              aria-label={f.label}
              placeholder={f.label}
              value={params[f.name]}
              onChange={(v?: string) => update({ [f.name]: v })}
              style={{ width: f.width }}
              options={f.options}
            />
          ))}
          <Space size={4}>
            <Switch
              size="small"
              checked={params.owner_id === auth.user?.id}
              onChange={(on) => update({ owner_id: on ? auth.user?.id : undefined })}
              aria-label={t('customers.mine')}
            />
            <Typography.Text>{t('customers.mine')}</Typography.Text>
          </Space>
          <Space size={4}>
            <Switch
              size="small"
              checked={!!params.unassigned}
              onChange={(on) => update({ unassigned: on ? 'true' : undefined })}
              aria-label={t('customers.unassigned')}
            />
            <Typography.Text>{t('customers.unassigned')}</Typography.Text>
          </Space>
          <Select
            aria-label={t('customers.sort')}
            value={params.sort ?? '-updated_at'}
            onChange={(v: string) => update({ sort: v === '-updated_at' ? undefined : v })}
            style={{ width: 190 }}
            options={SORTS.map((s) => ({ value: s, label: t(`customers.sorts.${s}`) }))}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CustomerSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: list.isPending ? ' ' : <Empty description={params.q ? t('customers.no_match', { q: params.q }) : t('customers.none')} />,
          }}
          onRow={(row) => ({ onDoubleClick: () => navigate(`/customers/${row.id}`) })}
          pagination={{
            current: params.page,
            pageSize: params.page_size,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('customers.total', { count: total }),
            onChange: (page, pageSize) =>
              update({ page: page > 1 ? page : undefined, page_size: pageSize === 20 ? undefined : pageSize }, false),
          }}
        />
      )}
    </Space>
  );
}
