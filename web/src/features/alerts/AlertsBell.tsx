// The signed-in user's unread alerts, in the header: the count on the bell (polled every minute), the
// latest few in its menu. Choosing one marks it read and opens what it is about.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Tag, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLanguage } from '@/lib/useLanguage';
import { useAlerts, useMarkRead } from './api';
import { alertMessage, alertTarget, KIND_COLORS, kindLabel } from './messages';

/** How many unread alerts the menu shows; the page has the rest. */
export const BELL_ITEMS = 5;

export function AlertsBell() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const alerts = useAlerts({ unread: true, page: 1, page_size: BELL_ITEMS }, { refetchInterval: 60_000 });
  const markRead = useMarkRead();
  const unread = alerts.data?.unread ?? 0;
  const latest = alerts.data?.items ?? [];

  const items: MenuProps['items'] = [
    ...(latest.length === 0
      ? [{ key: 'none', label: t('alerts.none_unread'), disabled: true }]
      : latest.map((a) => ({
          key: String(a.id),
          label: (
            <div style={{ maxWidth: 380, whiteSpace: 'normal' }}>
              <Tag color={KIND_COLORS[a.kind]}>{kindLabel(a.kind, t)}</Tag>
              <Typography.Text>{alertMessage(a, t, language)}</Typography.Text>
            </div>
          ),
          onClick: () => {
            markRead.mutate(a.id);
            navigate(alertTarget(a));
          },
        }))),
    { type: 'divider' as const },
    { key: 'all', label: t('alerts.see_all'), onClick: () => navigate('/alerts') },
  ];

  return (
    <Dropdown trigger={['click']} menu={{ items }}>
      <Button type="text" aria-label={t('alerts.bell', { count: unread })} data-testid="alerts">
        <Badge count={unread} size="small">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
