// How complete the file is for its kind, and which expected fields are still missing.
import { Button, Card, Empty, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLabels } from '../labels';

export function CompletenessTab({
  completeness,
  customerId,
  readOnly,
}: {
  completeness: { score: number; missing: string[] };
  customerId: number;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  return (
    <Card>
      <Space align="start" size="large" wrap>
        <Progress type="dashboard" percent={completeness.score} status={completeness.score < 60 ? 'exception' : 'normal'} />
        <div style={{ maxWidth: 640 }}>
          <Typography.Title level={5}>{t('completeness.missing_title')}</Typography.Title>
          {completeness.missing.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('completeness.complete')} />
          ) : (
            <Space wrap data-testid="missing-fields">
              {completeness.missing.map((k) => (
                <Tag key={k} color="orange">
                  {k === 'contacts' ? t('contacts.title') : labels.field(k)}
                </Tag>
              ))}
            </Space>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('completeness.explain')}
          </Typography.Paragraph>
          {!readOnly && completeness.missing.length > 0 && (
            <Button type="primary" onClick={() => navigate(`/customers/${customerId}/edit`)}>
              {t('completeness.fill')}
            </Button>
          )}
        </div>
      </Space>
    </Card>
  );
}
