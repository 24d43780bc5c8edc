// The approval chain of an application as steps: those that apply (the executive only above
// 1,000,000.00), each with its decision in the current round, and the step that is due highlighted.
import { Steps, Typography, type StepProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDecimal } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import type { Application } from '../api';
import { chainSteps, executiveApplies, EXECUTIVE_ABOVE, type StepState } from '../chain';

const STATUS: Record<StepState, StepProps['status']> = {
  approved: 'finish',
  rejected: 'error',
  returned: 'error',
  current: 'process',
  waiting: 'wait',
};

export function ChainSteps({ application }: { application: Application }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const steps = chainSteps(application);
  const current = steps.findIndex((s) => s.state !== 'approved');
  return (
    <>
      <Steps
        size="small"
        current={current < 0 ? steps.length : current}
        data-testid="application-chain"
        items={steps.map((s) => ({
          title: t(`roles.${s.role}`),
          status: STATUS[s.state],
          description: (
            <span data-testid={`chain-step-${s.role}`} data-state={s.state}>
              {s.state === 'current' ? (
                <Typography.Text strong type="warning">
                  {t('approvals.step_due')}
                </Typography.Text>
              ) : s.decision ? (
                <>
                  {t(`approvals.decisions.${s.decision.decision}`)} · {s.decision.actor_name}
                  <br />
                  <Typography.Text type="secondary">{formatDateTime(s.decision.at, language)}</Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">{t('approvals.step_waiting')}</Typography.Text>
              )}
            </span>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {executiveApplies(application)
          ? t('approvals.executive_applies', { amount: formatDecimal(EXECUTIVE_ABOVE, language) })
          : t('approvals.executive_not', { amount: formatDecimal(EXECUTIVE_ABOVE, language) })}
      </Typography.Paragraph>
    </>
  );
}
