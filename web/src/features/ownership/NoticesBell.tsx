// The signed-in user's notices (a neglected customer about to return to the pool), in the header.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, data } from '@/api/client';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';

export function NoticesBell() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const notices = useQuery({
    queryKey: ['notices'],
    queryFn: () => data(api.GET('/notices')),
    refetchInterval: 5 * 60_000,
  });
  const items = notices.data?.items ?? [];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items:
          items.length === 0
            ? [{ key: 'none', label: t('notices.none'), disabled: true }]
            : items.map((n) => ({
                key: n.id,
                label: (
                  <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
                    <Typography.Text strong>{n.name}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">
                      {t(`notices.${n.kind}`, { date: formatDate(n.due, language) })}
                    </Typography.Text>
                  </div>
                ),
                onClick: () => navigate(`/customers/${n.customer_id}`),
              })),
      }}
    >
      <Button type="text" aria-label={t('notices.title')} data-testid="notices">
        <Badge count={items.length} size="small">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
