// An order's status and credit-hold reasons as tags (the reason's explanation in its tooltip), and the
// reasons spelled out as a list. Shared by the orders pages and the customer file's credit tab.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reasonExplanation, reasonLabel, STATUS_COLORS, statusLabel, type OrderStatus } from '@/lib/credit';

export function OrderStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status as OrderStatus] ?? 'default'} data-testid={`status-${status}`}>
      {statusLabel(status, t)}
    </Tag>
  );
}

export function ReasonTags({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {reasons.map((r) => (
        <Tooltip key={r} title={reasonExplanation(r, t)}>
          <Tag color="orange">{reasonLabel(r, t)}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** Each reason with what it means, e.g. in the result of a credit check. */
export function ReasonList({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="hold-reasons">
      {reasons.map((r) => (
        <li key={r} data-testid={`reason-${r}`}>
          <Typography.Text strong>{reasonLabel(r, t)}</Typography.Text>
          {reasonExplanation(r, t) && <>: {reasonExplanation(r, t)}</>}
        </li>
      ))}
    </ul>
  );
}
