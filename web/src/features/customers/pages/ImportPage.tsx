// Import customer files from a CSV file: check it first (a dry run changes nothing), then import the
// valid rows or all or nothing, and read the report row by row.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Radio, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useRequestError } from '@/app/requestErrors';
import type { Schemas } from '@/api/client';
import { importCsv, useCustomerFields, type ImportReport } from '../api';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useLabels } from '../labels';

const STATUS_COLORS: Record<string, string> = { created: 'green', valid: 'blue', error: 'red', skipped: 'default' };

/** A CSV with the header row of every importable column, for people to fill in. */
export function templateCsv(keys: string[]): string {
  return '\uFEFF' + ['kind', 'name', 'region', 'nature', 'importance', 'lifecycle', ...keys].join(',') + '\r\n';
}

export default function ImportPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const language = useLanguage();
  const onError = useRequestError();
  const queryClient = useQueryClient();
  const fields = useCustomerFields();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'valid_rows' | 'all_or_nothing'>('valid_rows');
  const [dryRun, setDryRun] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);

  const run = useMutation({
    mutationFn: () => importCsv(file!, mode, dryRun),
    onSuccess: (r) => {
      setReport(r);
      if (r.committed) void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
    },
    onError: (e) => onError(e),
  });

  const downloadTemplate = () => {
    const blob = new Blob([templateCsv((fields.data?.fields ?? []).map((f) => f.key))], { type: 'text/csv' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'customers-template.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('import.title')}
      </Typography.Title>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('import.explain')}{' '}
            <Button type="link" icon={<DownloadOutlined />} onClick={downloadTemplate} style={{ padding: 0 }}>
              {t('import.template')}
            </Button>
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".csv,text/csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setReport(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setReport(null);
            }}
            fileList={file ? [{ uid: 'csv', name: file.name, status: 'done' }] : []}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('import.drop')}</p>
          </Upload.Dragger>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
            <Radio value="valid_rows">{t('import.mode.valid_rows')}</Radio>
            <Radio value="all_or_nothing">{t('import.mode.all_or_nothing')}</Radio>
          </Radio.Group>
          <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="import-dry-run">
            {t('import.dry_run')}
          </Checkbox>
          <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => run.mutate()} data-testid="import-run">
            {dryRun ? t('import.check') : t('import.run')}
          </Button>
        </Space>
      </Card>
      {report && (
        <Card title={report.dry_run ? t('import.report_dry') : t('import.report')} data-testid="import-report">
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={8}>
              <Statistic formatter={(v) => formatNumber(Number(v), language)} title={t('import.total')} value={report.total} />
            </Col>
            <Col xs={8}>
              <Statistic formatter={(v) => formatNumber(Number(v), language)}
                title={report.dry_run ? t('import.valid') : t('import.created')}
                value={report.dry_run ? report.total - report.failed : report.created}
                valueStyle={{ color: '#3f8600' }}
              />
            </Col>
            <Col xs={8}>
              <Statistic formatter={(v) => formatNumber(Number(v), language)} title={t('import.failed')} value={report.failed} valueStyle={{ color: report.failed ? '#cf1322' : undefined }} />
            </Col>
          </Row>
          {!report.dry_run && !report.committed && <Alert type="warning" showIcon message={t('import.nothing_written')} style={{ marginBottom: 16 }} />}
          <Table<Schemas['ImportRow']>
            size="small"
            rowKey="row"
            dataSource={report.rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 70 },
              { title: t('import.line'), dataIndex: 'line', width: 70 },
              {
                title: t('import.status'),
                dataIndex: 'status',
                width: 110,
                render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`import.statuses.${s}`)}</Tag>,
              },
              {
                title: t('import.result'),
                render: (_: unknown, r) => (
                  <Space direction="vertical" size={0}>
                    {r.id && (
                      <Link to={`/customers/${r.id}`}>
                        <Typography.Text code>{r.code}</Typography.Text>
                      </Link>
                    )}
                    {Object.entries(r.errors ?? {}).map(([k, v]) => (
                      <Typography.Text key={k} type="danger">
                        {labels.field(k)}: {v}
                      </Typography.Text>
                    ))}
                    {(r.warnings ?? []).map((w, i) => (
                      <Typography.Text key={`${w.field}-${i}`} type="warning">
                        {t(`customers.duplicate_by.${w.field}`)}:{' '}
                        {w.match ? `${w.match.code} ${w.match.name}` : t('customers.duplicate_hidden')}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
