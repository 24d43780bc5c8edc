// Analytics (CL-4, RP-6). Segments: the customers in the reader's scope in k clusters (k chosen here),
// each a card with its size and its profile in words, a scatter chart of two chosen features coloured by
// cluster (ECharts, loaded with the chart), and the customers of the chosen cluster. Delay risk: each
// customer's probability of paying more than 30 days late next quarter, ranked, with the model's AUC on
// held-out quarters beside it; finance, executives and admins train the model again from here.
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import type { ChartOption } from '@/components/Chart';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import {
  FEATURES,
  useDelayPredictions,
  useSegments,
  useTrainDelayModel,
  type DelayPredictions,
  type Feature,
  type Segmentation,
} from './api';
import { describeCluster } from './profile';

const Chart = lazy(() => import('@/components/Chart'));

const COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#13c2c2', '#faad14', '#a0d911', '#f5222d', '#2f54eb', '#8c8c8c', '#fadb14'];
const RATIOS: Feature[] = ['on_time_ratio', 'collected_ratio'];

function useFeatureFormat() {
  const language = useLanguage();
  return (feature: Feature, value: number) =>
    RATIOS.includes(feature)
      ? formatNumber(value, language, { style: 'percent', maximumFractionDigits: 0 })
      : formatNumber(value, language, { maximumFractionDigits: feature === 'purchases' ? 0 : 1 });
}

function SegmentsTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFeatureFormat();
  const [k, setK] = useState(4);
  const [seed, setSeed] = useState(1);
  const [x, setX] = useState<Feature>('purchases');
  const [y, setY] = useState<Feature>('on_time_ratio');
  const [chosen, setChosen] = useState(0);
  const segments = useSegments(k, seed);
  const s: Segmentation | undefined = segments.data;

  const option = useMemo<ChartOption | null>(() => {
    if (!s) return null;
    // Purchases go on a log axis: customers without purchases in the twelve months sit at its left (or
    // bottom) end, the smallest positive amount.
    const positive = s.customers.map((m) => m.features.purchases).filter((v) => v > 0);
    const floor = positive.length ? Math.min(...positive) : 1;
    const value = (f: Feature, m: Segmentation['customers'][number]) => (f === 'purchases' ? Math.max(m.features[f], floor) : m.features[f]);
    const axis = (f: Feature) => ({ type: f === 'purchases' ? 'log' : 'value', name: t(`analytics.feature.${f}`), scale: true });
    return {
      tooltip: { trigger: 'item', formatter: (p: { data: [number, number, string] }) => p.data[2] },
      legend: { top: 0 },
      grid: { left: 64, right: 48, top: 40, bottom: 40 },
      xAxis: { ...axis(x), nameLocation: 'middle', nameGap: 28 },
      yAxis: axis(y),
      series: s.clusters.map((c) => ({
        type: 'scatter',
        name: t('analytics.cluster', { n: c.index + 1 }),
        itemStyle: { color: COLOURS[c.index % COLOURS.length] },
        symbolSize: 8,
        data: s.customers.filter((m) => m.cluster === c.index).map((m) => [value(x, m), value(y, m), `${m.code} ${m.name}`]),
      })),
    };
  }, [s, x, y, t]);

  const featureOptions = FEATURES.map((f) => ({ value: f, label: t(`analytics.feature.${f}`) }));
  const members = s ? s.customers.filter((m) => m.cluster === chosen) : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('analytics.k')}</span>
        <InputNumber
          aria-label={t('analytics.k')}
          data-testid="segments-k"
          min={2}
          max={12}
          value={k}
          onChange={(v) => {
            if (typeof v === 'number' && v >= 2 && v <= 12) {
              setK(v);
              setChosen(0);
            }
          }}
        />
        <span>{t('analytics.seed')}</span>
        <InputNumber aria-label={t('analytics.seed')} min={0} max={2147483647} value={seed} onChange={(v) => typeof v === 'number' && setSeed(v)} />
        {segments.isFetching && <Spin size="small" />}
      </Space>
      {segments.isError && <ErrorState error={segments.error} onRetry={() => void segments.refetch()} />}
      {s && (
        <>
          <Typography.Text type="secondary" data-testid="segments-summary">
            {t('analytics.summary', { n: s.customers.length, date: formatDate(s.as_of, language), currency: s.currency })}
          </Typography.Text>
          <Row gutter={[16, 16]} data-testid="segment-cards">
            {s.clusters.map((c) => (
              <Col key={c.index} xs={24} sm={12} lg={8} xl={6}>
                <Card
                  size="small"
                  hoverable
                  data-testid={`segment-${c.index}`}
                  onClick={() => setChosen(c.index)}
                  style={chosen === c.index ? { borderColor: COLOURS[c.index % COLOURS.length] } : undefined}
                  title={
                    <Space>
                      <Tag color={COLOURS[c.index % COLOURS.length]}>{t('analytics.cluster', { n: c.index + 1 })}</Tag>
                      <span>{t('analytics.customers', { count: c.size })}</span>
                    </Space>
                  }
                >
                  <Typography.Paragraph strong data-testid="segment-profile">
                    {describeCluster(c.traits, t)}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t('analytics.feature.purchases')}: {format('purchases', c.centroid.purchases)} · {t('analytics.feature.on_time_ratio')}:{' '}
                    {format('on_time_ratio', c.centroid.on_time_ratio)} · {t('analytics.feature.days_past_due')}:{' '}
                    {format('days_past_due', c.centroid.days_past_due)}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Card
            size="small"
            title={t('analytics.chart_title')}
            extra={
              <Space wrap>
                <Select aria-label={t('analytics.x_axis')} style={{ width: 180 }} value={x} options={featureOptions} onChange={setX} />
                <Select aria-label={t('analytics.y_axis')} style={{ width: 180 }} value={y} options={featureOptions} onChange={setY} />
              </Space>
            }
          >
            {option && (
              <Suspense fallback={<Spin />}>
                <Chart option={option} height={360} label={t('analytics.chart_title')} />
              </Suspense>
            )}
          </Card>
          <Card size="small" title={t('analytics.members', { n: chosen + 1 })}>
            <Table
              size="small"
              rowKey="id"
              data-testid="segment-members"
              dataSource={members}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                { title: t('analytics.customer'), dataIndex: 'name', render: (_, m) => <Link to={`/customers/${m.id}`}>{m.code} {m.name}</Link> },
                ...(['purchases', 'on_time_ratio', 'days_past_due', 'purchase_trend'] as Feature[]).map((f) => ({
                  title: t(`analytics.feature.${f}`),
                  key: f,
                  align: 'right' as const,
                  render: (_: unknown, m: Segmentation['customers'][number]) => format(f, m.features[f]),
                })),
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

function ModelSummary({ p }: { p: DelayPredictions }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!p.model) return <Alert type="info" showIcon data-testid="delay-no-model" message={t('analytics.no_model')} />;
  const m = p.model;
  return (
    <Row gutter={16}>
      <Col xs={12} md={6}>
        <Statistic title={t('analytics.auc')} value={m.auc} precision={3} data-testid="delay-auc" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('analytics.training_examples')} value={m.train_examples} suffix={`/ ${m.test_examples}`} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Paragraph type="secondary">
          {t('analytics.model_explain', {
            date: formatDate(m.as_of, language),
            from: formatDate(m.first_quarter, language),
            to: formatDate(m.last_train_quarter, language),
            last: formatDate(m.last_quarter, language),
            by: m.trained_by,
          })}
        </Typography.Paragraph>
      </Col>
    </Row>
  );
}

function DelayTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const { message } = App.useApp();
  const onError = useRequestError();
  const predictions = useDelayPredictions();
  const train = useTrainDelayModel();
  const p = predictions.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('analytics.delay_explain')}</Typography.Paragraph>
      {auth.can('analytics.train') && (
        <Button
          type="primary"
          data-testid="delay-train"
          loading={train.isPending}
          onClick={() =>
            train.mutate(undefined, {
              onSuccess: (m) => message.success(t('analytics.trained', { auc: formatNumber(m.auc, language, { maximumFractionDigits: 3 }) })),
              onError: (e) => onError(e),
            })
          }
        >
          {t('analytics.train')}
        </Button>
      )}
      {predictions.isError && <ErrorState error={predictions.error} onRetry={() => void predictions.refetch()} />}
      {predictions.isLoading && <Spin />}
      {p && <ModelSummary p={p} />}
      {p?.model && (
        <Table
          size="small"
          rowKey="customer_id"
          data-testid="delay-table"
          dataSource={p.items}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={t('analytics.no_customers')} /> }}
          columns={[
            { title: '#', key: 'rank', width: 56, render: (_, __, i) => i + 1 },
            { title: t('analytics.customer'), dataIndex: 'name', render: (_, r) => <Link to={`/customers/${r.customer_id}`}>{r.code} {r.name}</Link> },
            {
              title: t('analytics.probability'),
              dataIndex: 'probability',
              align: 'right',
              render: (v: number) => (
                <Tag color={v >= 0.5 ? 'red' : v >= 0.2 ? 'orange' : 'green'}>
                  {formatNumber(v, language, { style: 'percent', maximumFractionDigits: 0 })}
                </Tag>
              ),
            },
            {
              title: t('analytics.feature.on_time_ratio'),
              dataIndex: 'on_time_ratio',
              align: 'right',
              render: (v: number) => formatNumber(v, language, { style: 'percent', maximumFractionDigits: 0 }),
            },
            {
              title: t('analytics.feature.days_past_due'),
              dataIndex: 'days_past_due',
              align: 'right',
              render: (v: number) => formatNumber(v, language, { maximumFractionDigits: 0 }),
            },
          ]}
        />
      )}
    </Space>
  );
}

export default function AnalyticsPage() {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('analytics.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'segments', label: t('analytics.segments_tab'), children: <SegmentsTab /> },
          { key: 'delay', label: t('analytics.delay_tab'), children: <DelayTab /> },
        ]}
      />
    </Space>
  );
}
