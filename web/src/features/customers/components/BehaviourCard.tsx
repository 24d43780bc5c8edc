// The customer's payment behaviour (CE-2) over the twelve months before the day shown, and what it gives
// (CE-3, CE-5): the grade with the rule that decided it, the credit score with the points each reason
// cost, the amounts due and collected, the collected and on-time ratios, the days past due, and the twelve
// months, each marked red when nothing was collected while amounts were past due.
import { Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ErrorState';
import { basisPointsPercent, gradeLabel, gradeReasonLabel, scoreReasonLabel } from '@/lib/credit';
import { formatDate, formatMoney, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useBehaviour, type Behaviour } from '../api';

type ScoreReasonRow = Behaviour['score_reasons'][number];
type Month = Behaviour['months'][number];

export function BehaviourCard({ customerId, asOf }: { customerId: number; asOf?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const behaviour = useBehaviour(customerId, asOf);

  if (behaviour.isError)
    return (
      <Card size="small" title={t('behaviour.title')} data-testid="behaviour">
        <ErrorState error={behaviour.error} onRetry={() => void behaviour.refetch()} />
      </Card>
    );
  if (!behaviour.data) return <Card size="small" title={t('behaviour.title')} loading data-testid="behaviour" />;
  const b = behaviour.data;
  const percent = (bp: number) => basisPointsPercent(bp, (v, o) => formatNumber(v, language, o));

  const monthTag = (m: Month) => {
    const color = m.without_collection ? 'red' : m.amounts_past_due ? 'orange' : undefined;
    const state = m.without_collection
      ? t('behaviour.month_without_collection')
      : m.amounts_past_due
        ? t('behaviour.month_past_due')
        : t('behaviour.month_fine');
    return (
      <Tooltip key={m.month} title={`${state} · ${t('behaviour.month_collected', { amount: formatMoney(m.collected, language) })}`}>
        <Tag color={color} style={{ marginInlineEnd: 0 }} data-testid={`behaviour-month-${m.month}`} data-without={m.without_collection}>
          {m.month}
        </Tag>
      </Tooltip>
    );
  };

  return (
    <Card
      size="small"
      title={t('behaviour.title')}
      extra={
        <Typography.Text type="secondary">
          {t('behaviour.window', { from: formatDate(b.window_first, language), to: formatDate(b.as_of, language) })}
        </Typography.Text>
      }
      data-testid="behaviour"
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('behaviour.grade')}>
          <Space direction="vertical" size={0}>
            <Typography.Text strong data-testid="behaviour-grade">
              {b.grade ? gradeLabel(b.grade, t) : t('behaviour.no_grade')}
            </Typography.Text>
            {b.grade_reasons.map((r) => (
              <Typography.Text key={r} type="secondary" data-testid="behaviour-grade-reason">
                {gradeReasonLabel(r, t)}
              </Typography.Text>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('behaviour.score')}>
          <Typography.Text strong data-testid="behaviour-score">
            {t('behaviour.score_value', { score: b.score })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('behaviour.amount_due')}>{formatMoney(b.amount_due, language)}</Descriptions.Item>
        <Descriptions.Item label={t('behaviour.amount_collected')}>{formatMoney(b.amount_collected, language)}</Descriptions.Item>
        <Descriptions.Item label={t('behaviour.collected_ratio')}>
          <span data-testid="behaviour-collected">{percent(b.collected_bp)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('behaviour.on_time_ratio')}>
          <span data-testid="behaviour-on-time">{percent(b.on_time_bp)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('behaviour.max_days_past_due')}>{b.max_days_past_due}</Descriptions.Item>
        <Descriptions.Item label={t('behaviour.average_days_past_due')}>{b.average_days_past_due}</Descriptions.Item>
        <Descriptions.Item label={t('behaviour.months_without_collection')}>
          <Typography.Text type={b.months_without_collection > 0 ? 'danger' : undefined}>{b.months_without_collection}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('behaviour.open_past_due')}>{formatMoney(b.open_past_due, language)}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>{t('behaviour.score_reasons_title')}</Typography.Title>
      <Table<ScoreReasonRow>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={b.score_reasons}
        data-testid="behaviour-score-reasons"
        columns={[
          { title: t('behaviour.reason'), dataIndex: 'code', render: (c: string) => scoreReasonLabel(c, t) },
          {
            title: t('behaviour.points_lost'),
            dataIndex: 'points',
            align: 'right' as const,
            render: (p: number) => (p > 0 ? `−${p}` : '0'),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('behaviour.months')}
      </Typography.Title>
      <Space size={4} wrap data-testid="behaviour-months">
        {b.months.map(monthTag)}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t('behaviour.months_legend')}
      </Typography.Paragraph>
    </Card>
  );
}
