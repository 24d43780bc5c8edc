// The start page: how many files the user can see, how they spread over regions and lifecycle stages,
// and the files changed most recently; for the readers of the reports, the way to the dashboard (RP-1).
import { DashboardOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, data } from '@/api/client';
import { useAuth } from '@/app/auth';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useCustomerFields, useCustomerList } from '../api';
import { useLabels } from '../labels';

const Chart = lazy(() => import('@/components/Chart'));

function useCount(filters: Record<string, string | number>[]) {
  return useQueries({
    queries: filters.map((f) => ({
      queryKey: ['customers', 'list', { ...f, page_size: 1 }],
      queryFn: () => data(api.GET('/customers', { params: { query: { ...f, page_size: 1 } as never } })),
    })),
  });
}

export default function OverviewPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const navigate = useNavigate();
  const labels = useLabels();
  const fields = useCustomerFields();
  const recent = useCustomerList({ sort: '-updated_at', page: 1, page_size: 8 });
  const mine = useCount(auth.user ? [{ owner_id: auth.user.id }] : []);
  const byRegion = useCount(labels.regions.map((r) => ({ region: r.code })));
  const lifecycles = fields.data?.lifecycles ?? [];
  const byLifecycle = useCount(lifecycles.map((l) => ({ lifecycle: l })));

  const regionOption = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: labels.regions.map((r) => labels.region(r.code)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: byRegion.map((q) => q.data?.total ?? 0), itemStyle: { color: '#1f4e79' } }],
    }),
    [labels, byRegion],
  );
  const lifecycleOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: lifecycles.map((l, i) => ({ name: labels.enumValue('lifecycle', l), value: byLifecycle[i]?.data?.total ?? 0 })),
        },
      ],
    }),
    [labels, lifecycles, byLifecycle],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('home.welcome', { name: auth.user?.display_name })}
        </Typography.Title>
      </Col>
      <Col xs={12} md={8}>
        <Card>
          <Statistic formatter={(v) => formatNumber(Number(v), language)} title={t('home.visible_files')} value={recent.data?.total ?? 0} loading={recent.isPending} />
        </Card>
      </Col>
      <Col xs={12} md={8}>
        <Card>
          <Statistic formatter={(v) => formatNumber(Number(v), language)} title={t('home.my_files')} value={mine[0]?.data?.total ?? 0} loading={mine[0]?.isPending} />
        </Card>
      </Col>
      {auth.can('reports.view') && (
        <Col xs={24} md={8}>
          <Card data-testid="home-dashboard" style={{ height: '100%' }}>
            <Flex vertical gap={8} align="flex-start">
              <Typography.Text strong>{t('home.dashboard')}</Typography.Text>
              <Typography.Text type="secondary">{t('home.dashboard_text')}</Typography.Text>
              <Button type="primary" icon={<DashboardOutlined />} onClick={() => navigate('/reports/dashboard')}>
                {t('home.open_dashboard')}
              </Button>
            </Flex>
          </Card>
        </Col>
      )}
      <Col xs={24} lg={14}>
        <Card title={t('home.by_region')}>
          <Suspense fallback={<Skeleton active />}>
            <Chart option={regionOption} label={t('home.by_region')} />
          </Suspense>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('home.by_lifecycle')}>
          <Suspense fallback={<Skeleton active />}>
            <Chart option={lifecycleOption} label={t('home.by_lifecycle')} />
          </Suspense>
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('home.recent')}>
          <List
            loading={recent.isPending}
            dataSource={recent.data?.items ?? []}
            renderItem={(c) => (
              <List.Item>
                <Flex justify="space-between" wrap="wrap" gap={8} style={{ width: '100%' }}>
                  <span>
                    <Link to={`/customers/${c.id}`}>{c.name}</Link>{' '}
                    <Typography.Text type="secondary">
                      {c.code} · {labels.region(c.region)}
                    </Typography.Text>
                  </span>
                  <Typography.Text type="secondary">{formatDateTime(c.updated_at, language)}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
