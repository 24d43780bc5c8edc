// What the credit check decided for an order just entered, amended or copied: approved (its credit part
// reserved) or on credit hold with every reason explained, and the figures the check used.
import { Alert, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonList } from '@/components/OrderTags';
import { formatMoney } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import type { Order } from '../api';

export function CheckResult({ order, actions }: { order: Order; actions?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const check = order.credit_check;
  const held = check ? check.outcome === 'credit_hold' : order.status === 'credit_hold';
  const reasons = check?.reasons ?? order.reasons;

  return (
    <Alert
      type={held ? 'warning' : 'success'}
      showIcon
      data-testid="order-result"
      data-outcome={held ? 'credit_hold' : 'approved'}
      message={
        <Typography.Text strong>
          {held ? t('orders.result.hold', { number: order.number }) : t('orders.result.approved', { number: order.number })}
        </Typography.Text>
      }
      description={
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <span>{held ? t('orders.result.hold_explain') : t('orders.result.approved_explain')}</span>
          {held && reasons.length > 0 && <ReasonList reasons={reasons} />}
          {check ? (
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              title={t('orders.check.title')}
              data-testid="credit-check"
            >
              <Descriptions.Item label={t('orders.check.credit_part')}>{formatMoney(check.credit_part, language)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.check.available')}>{formatMoney(check.available, language)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.check.effective_limit')}>
                {formatMoney(check.effective_limit, language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.check.exposure_before')}>
                {formatMoney(check.exposure_before, language)}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('orders.result.not_checked')}</Typography.Text>
          )}
          {actions}
        </Space>
      }
    />
  );
}
