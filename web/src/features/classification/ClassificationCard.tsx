// A customer's classification (CL-1…CL-3, DY-3, DY-4) on its page: the tier with the figures that
// decided it, core or ordinary and the long-standing flag, the derived classes, the next review (with
// "mark reviewed"), and the trends — purchases per year and payment behaviour per quarter — as charts
// loaded only when the card is shown.
import { App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { ErrorState } from '@/components/ErrorState';
import { formatDate, formatDecimal } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useClassification, useMarkReviewed, useTrends } from './api';
import { TierTag } from './DueReviewsPage';
import { formatShare } from '@/lib/distribution';

const Chart = lazy(() => import('@/components/Chart'));

function Trends({ customerId, asOf }: { customerId: number; asOf: string | undefined }) {
  const { t } = useTranslation();
  const trends = useTrends(customerId, asOf);
  const years = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 80, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: (trends.data?.years ?? []).map((y) => String(y.year)) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: t('classification.purchases'), data: (trends.data?.years ?? []).map((y) => Number(y.purchases)) }],
    }),
    [trends.data, t],
  );
  const quarters = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: (trends.data?.quarters ?? []).map((q) => q.quarter) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { type: 'bar', name: t('classification.collected_ratio'), data: (trends.data?.quarters ?? []).map((q) => q.collected_bp / 100) },
        { type: 'bar', name: t('classification.on_time_ratio'), data: (trends.data?.quarters ?? []).map((q) => q.on_time_bp / 100) },
      ],
    }),
    [trends.data, t],
  );
  if (trends.isError) return <ErrorState error={trends.error} onRetry={() => void trends.refetch()} />;
  if (!trends.data) return null;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('classification.annual_purchases', { currency: trends.data.currency })}>
          {trends.data.years.length === 0 ? (
            <Typography.Text type="secondary">{t('classification.no_purchases')}</Typography.Text>
          ) : (
            <Suspense fallback={<div style={{ height: 240 }} />}>
              <Chart option={years} height={240} label={t('classification.annual_purchases', { currency: trends.data.currency })} />
            </Suspense>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('classification.quarterly_behaviour')}>
          <Suspense fallback={<div style={{ height: 240 }} />}>
            <Chart option={quarters} height={240} label={t('classification.quarterly_behaviour')} />
          </Suspense>
        </Card>
      </Col>
    </Row>
  );
}

export function ClassificationCard({ customerId, asOf }: { customerId: number; asOf?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const { message } = App.useApp();
  const onError = useRequestError();
  const c = useClassification(customerId, asOf);
  const mark = useMarkReviewed();
  if (c.isError) return <ErrorState error={c.error} onRetry={() => void c.refetch()} />;
  if (!c.data) return <Card loading />;
  const k = c.data;
  const money = (v: string) => `${formatDecimal(v, language)} ${k.figures.currency}`;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('classification.title')} data-testid="classification-card">
        <Space wrap size="middle" style={{ marginBottom: 12 }}>
          <span data-testid="classification-tier">
            <TierTag tier={k.tier} />
          </span>
          <Typography.Text>{t(`classification.tiers.${k.tier}`)}</Typography.Text>
          <Tag color={k.core ? 'green' : 'default'} data-testid="classification-core">
            {k.core ? t('classification.core') : t('classification.ordinary')}
          </Tag>
          {k.long_standing && (
            <Tag color="cyan" data-testid="classification-long-standing">
              {t('classification.long_standing')}
            </Tag>
          )}
          <Tag>{t(`classification.time.${k.time}`)}</Tag>
          <Tag>{t(`classification.process.${k.process}`)}</Tag>
          <Tag>{t(`classification.volume.${k.volume}`)}</Tag>
          {k.movement !== 'none' && <Tag color={k.movement === 'growing' ? 'green' : 'red'}>{t(`movers.${k.movement}`)}</Tag>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          <Descriptions.Item label={t('classification.last_12')}>
            <span data-testid="classification-last-12">{money(k.figures.last_12_months)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('classification.previous_12')}>{money(k.figures.previous_12_months)}</Descriptions.Item>
          <Descriptions.Item label={t('classification.growth')}>{k.growth_bp === null ? '—' : formatShare(k.growth_bp)}</Descriptions.Item>
          <Descriptions.Item label={t('classification.average_annual')}>
            {t('classification.average_of', { amount: money(k.figures.average_annual), count: k.figures.average_periods })}
          </Descriptions.Item>
          <Descriptions.Item label={t('classification.relationship')}>
            {k.figures.relationship_start
              ? t('classification.relationship_since', {
                  date: formatDate(k.figures.relationship_start, language),
                  count: k.figures.relationship_years,
                })
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('classification.last_purchase')}>{formatDate(k.figures.last_purchase, language)}</Descriptions.Item>
          <Descriptions.Item label={t('classification.thresholds')} span={3}>
            {t('classification.thresholds_text', {
              a: formatDecimal(k.thresholds.tier_a_min, language),
              b: formatDecimal(k.thresholds.tier_b_min, language),
              core: formatDecimal(k.thresholds.core_min_average, language),
              years: k.thresholds.core_min_years,
            })}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          <Typography.Text data-testid="classification-next-review">
            {t('classification.review_line', {
              last: k.review.last ? formatDate(k.review.last, language) : t('reviews.never'),
              next: formatDate(k.review.next_due, language),
              count: k.review.cadence_months,
            })}
          </Typography.Text>
          {auth.can('reviews.mark') && !asOf && (
            <Button
              size="small"
              loading={mark.isPending}
              data-testid="classification-mark-reviewed"
              onClick={() =>
                mark.mutate(
                  { customerId },
                  { onSuccess: () => message.success(t('reviews.marked_short')), onError: (e) => onError(e) },
                )
              }
            >
              {t('reviews.mark')}
            </Button>
          )}
        </Space>
      </Card>
      <Trends customerId={customerId} asOf={asOf} />
    </Space>
  );
}
