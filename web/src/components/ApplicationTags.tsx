// A credit application's status and the reasons of a re-evaluation proposal as tags. Shared by the
// approvals pages and the customer file's credit tab.
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUS_COLORS, applicationStatusLabel, proposalReasonLabel, type ApplicationStatus } from '@/lib/credit';

export function ApplicationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPLICATION_STATUS_COLORS[status as ApplicationStatus] ?? 'default'} data-testid={`application-status-${status}`}>
      {applicationStatusLabel(status, t)}
    </Tag>
  );
}

export function ProposalReasonTags({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {reasons.map((r) => (
        <Tag key={r} color="purple" data-testid={`proposal-reason-${r}`}>
          {proposalReasonLabel(r, t)}
        </Tag>
      ))}
    </Space>
  );
}
