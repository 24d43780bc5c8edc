// One credit application: the customer, the requested terms and the reason, the chain with the step that
// is due, and the trail of decisions of every round. A holder of the due step's role who did not apply
// (and decided no earlier step of this round) approves, rejects or returns it; the applicant of a
// returned application changes it and submits it again.
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Role } from '@/app/access';
import { useAuth } from '@/app/auth';
import { useRequestError } from '@/app/requestErrors';
import { PageSpinner } from '@/app/routes';
import { ApplicationStatusTag, ProposalReasonTags } from '@/components/ApplicationTags';
import { ErrorState } from '@/components/ErrorState';
import { gradeLabel } from '@/lib/credit';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import { useApplication, useDecide, useResubmit, type Decision, type DecisionKind } from '../api';
import { isApplicant, mayDecide, mayResubmit } from '../chain';
import { ApplicationForm, applicationChange, valuesOf, type ApplicationFormValues } from '../components/ApplicationForm';
import { ChainSteps } from '../components/ChainSteps';
import { DecisionModal } from '../components/DecisionModal';

const DECISION_COLORS: Record<DecisionKind, string> = { approve: 'green', reject: 'red', return: 'orange' };

export default function ApplicationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const auth = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useRequestError();
  const id = Number(useParams().id);
  const loaded = useApplication(id);
  const decide = useDecide(id);
  const resubmit = useResubmit(id);
  const [decision, setDecision] = useState<DecisionKind | null>(null);
  const [resubmitForm] = Form.useForm<ApplicationFormValues>();
  const a = loaded.data;

  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!a) return <PageSpinner />;

  const user = auth.user;
  const decider = mayDecide(a, user);
  const holdsStep = !!a.next_step && !!user?.roles.includes(a.next_step as Role);
  const returnedComment = [...(a.decisions ?? [])].reverse().find((d) => d.decision === 'return' && d.round === a.round);

  const sendResubmit = (values: ApplicationFormValues) =>
    resubmit.mutate(applicationChange(values), {
      onSuccess: () => message.success(t('approvals.resubmitted')),
      onError: (e) => onError(e, resubmitForm),
    });

  const trailColumns = [
    { title: t('approvals.round'), dataIndex: 'round', width: 80 },
    { title: t('approvals.step'), dataIndex: 'step', render: (s: string) => t(`roles.${s}`, { defaultValue: s }) },
    {
      title: t('approvals.decision'),
      dataIndex: 'decision',
      render: (d: DecisionKind) => (
        <Tag color={DECISION_COLORS[d]} data-testid={`decision-${d}`}>
          {t(`approvals.decisions.${d}`)}
        </Tag>
      ),
    },
    { title: t('approvals.who'), dataIndex: 'actor_name' },
    {
      title: t('approvals.comment'),
      dataIndex: 'comment',
      render: (c: string) => (c ? <span style={{ whiteSpace: 'pre-wrap' }}>{c}</span> : '—'),
    },
    {
      title: t('approvals.when'),
      dataIndex: 'at',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, language)}</span>,
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="start" wrap="wrap" gap={12}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              <span data-testid="application-title">{t('approvals.application_n', { id: a.id })}</span>{' '}
              <ApplicationStatusTag status={a.status} />
              {a.source === 'reevaluation' && <Tag color="purple">{t('approvals.source_reevaluation')}</Tag>}
            </Typography.Title>
            <Typography.Text type="secondary">{t('approvals.round_n', { round: a.round })}</Typography.Text>
          </div>
          {decider && (
            <Space wrap data-testid="decide-actions">
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('approve')} data-testid="decide-approve">
                {t('approvals.actions.approve')}
              </Button>
              <Button icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid="decide-return">
                {t('approvals.actions.return')}
              </Button>
              <Button danger icon={<CloseOutlined />} onClick={() => setDecision('reject')} data-testid="decide-reject">
                {t('approvals.actions.reject')}
              </Button>
            </Space>
          )}
        </Flex>

        {a.status === 'pending' && holdsStep && !decider && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            data-testid="decide-not-yours"
            message={isApplicant(a, user) ? t('approvals.own_application') : t('approvals.already_decided')}
          />
        )}
        {a.source === 'reevaluation' && a.proposal.length > 0 && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            message={t('approvals.proposed_because')}
            description={<ProposalReasonTags reasons={a.proposal} />}
          />
        )}

        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('approvals.customer')}>
            <Link to={`/customers/${a.customer_id}?tab=credit`} data-testid="application-customer-link">
              {a.customer_name} ({a.customer_code})
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('approvals.applicant')}>{a.applicant_name || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('approvals.limit')}>
            <Typography.Text strong data-testid="application-limit">
              {formatMoney(a.limit, language)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.term')}>{t('credit.term_days', { count: a.term_days })}</Descriptions.Item>
          <Descriptions.Item label={t('credit.grade')}>
            <span data-testid="application-grade">{a.grade ? gradeLabel(a.grade, t) : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('approvals.report_date')}>
            {a.report_date ? formatDate(a.report_date, language) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('approvals.submitted_at')}>{formatDateTime(a.created_at, language)}</Descriptions.Item>
          <Descriptions.Item label={t('approvals.updated_at')}>{formatDateTime(a.updated_at, language)}</Descriptions.Item>
        </Descriptions>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('approvals.reason')}>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="application-reason">
              {a.reason}
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('approvals.chain')}>
        <ChainSteps application={a} />
      </Card>

      {mayResubmit(a, user) && (
        <Card size="small" title={t('approvals.resubmit_title')} data-testid="application-resubmit">
          {returnedComment && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('approvals.returned_by', { name: returnedComment.actor_name, step: t(`roles.${returnedComment.step}`) })}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{returnedComment.comment}</span>}
            />
          )}
          <ApplicationForm
            form={resubmitForm}
            initialValues={valuesOf(a)}
            fixedCustomer={a.customer_id}
            submitting={resubmit.isPending}
            submitLabel={t('approvals.resubmit')}
            onSubmit={sendResubmit}
            onCancel={() => navigate('/credit-applications')}
          />
        </Card>
      )}

      <Card size="small" title={t('approvals.trail')}>
        <Table<Decision & { key: number }>
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={(a.decisions ?? []).map((d, key) => ({ ...d, key }))}
          columns={trailColumns}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvals.trail_none')} /> }}
          data-testid="application-trail"
        />
      </Card>

      <DecisionModal
        decision={decision}
        loading={decide.isPending}
        onSubmit={(kind, comment) =>
          decide
            .mutateAsync({ decision: kind, ...(comment ? { comment } : {}) })
            .then((after) => message.success(t(`approvals.decided.${kind}`, { id: after.id })))
        }
        onClose={() => setDecision(null)}
      />
    </Space>
  );
}
