// Running the re-evaluation by hand (admins, finance, executives): as of a date, once per date. It
// regrades every credit account from its payments and proposes upgrades and downgrades as applications.
import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Popconfirm, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestError } from '@/app/requestErrors';
import { dateInputFormat, formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useRunReevaluation, type ReevaluationAnswer } from '../api';

export function ReevaluationRun() {
  const { t } = useTranslation();
  const language = useLanguage();
  const onError = useRequestError();
  const run = useRunReevaluation();
  const [asOf, setAsOf] = useState<Dayjs>(() => dayjs());
  const [answer, setAnswer] = useState<ReevaluationAnswer | null>(null);
  const day = asOf.format('YYYY-MM-DD');

  const start = () =>
    run.mutate(day, {
      onSuccess: setAnswer,
      onError: (e) => onError(e),
    });

  return (
    <Card size="small" title={t('approvals.reevaluation.title')} data-testid="reevaluation">
      <Typography.Paragraph type="secondary">{t('approvals.reevaluation.explain')}</Typography.Paragraph>
      <Flex wrap="wrap" gap={8} align="center">
        <span>{t('approvals.reevaluation.as_of')}</span>
        <DatePicker
          value={asOf}
          allowClear={false}
          format={dateInputFormat(language)}
          onChange={(d: Dayjs | null) => d && setAsOf(d)}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          aria-label={t('approvals.reevaluation.as_of')}
          data-testid="reevaluation-as-of"
        />
        <Popconfirm title={t('approvals.reevaluation.confirm', { date: formatDate(day, language) })} onConfirm={start}>
          <Button type="primary" icon={<SyncOutlined />} loading={run.isPending} data-testid="reevaluation-run">
            {t('approvals.reevaluation.run')}
          </Button>
        </Popconfirm>
      </Flex>
      {answer &&
        (answer.ran && answer.report ? (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="reevaluation-report"
            message={t('approvals.reevaluation.done', { date: formatDate(answer.as_of, language) })}
            description={
              <Descriptions size="small" column={{ xs: 1, md: 3, xl: 5 }}>
                <Descriptions.Item label={t('approvals.reevaluation.accounts')}>{answer.report.accounts}</Descriptions.Item>
                <Descriptions.Item label={t('approvals.reevaluation.graded')}>{answer.report.graded}</Descriptions.Item>
                <Descriptions.Item label={t('approvals.reevaluation.upgrades')}>{answer.report.upgrades}</Descriptions.Item>
                <Descriptions.Item label={t('approvals.reevaluation.downgrades')}>{answer.report.downgrades}</Descriptions.Item>
                <Descriptions.Item label={t('approvals.reevaluation.skipped_pending')}>{answer.report.skipped_pending}</Descriptions.Item>
                <Descriptions.Item label={t('approvals.reevaluation.set_aside')}>{answer.report.set_aside}</Descriptions.Item>
              </Descriptions>
            }
          />
        ) : (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            data-testid="reevaluation-already"
            message={t('approvals.reevaluation.already', { date: formatDate(answer.as_of, language) })}
          />
        ))}
    </Card>
  );
}
