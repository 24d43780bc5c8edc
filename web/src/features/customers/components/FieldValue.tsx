// A stored value as people read it: money and dates in the interface language, enumeration values
// translated, lists joined.
import { LockOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '@/i18n/languages';
import { formatDate, formatMoney, type Money } from '@/lib/format';
import type { FieldSpec } from '../api';
import { FIELD_ENUMS, type EnumName, type useLabels } from '../labels';

type Labels = ReturnType<typeof useLabels>;

const IDENTITY_ENUMS: Record<string, EnumName> = {
  kind: 'kind',
  nature: 'nature',
  importance: 'importance',
  lifecycle: 'lifecycle',
  stage: 'stage',
};

export function formatValue(
  spec: FieldSpec | undefined,
  key: string,
  value: unknown,
  language: Language,
  labels: Labels,
): string {
  if (value === undefined || value === null || value === '') return '—';
  if (key === 'region') return labels.region(String(value));
  const identityEnum = IDENTITY_ENUMS[key];
  if (identityEnum) return labels.enumValue(identityEnum, String(value));
  switch (spec?.type) {
    case 'money':
      return formatMoney(value as Money, language);
    case 'date':
      return formatDate(String(value), language);
    case 'rating':
      return `${'★'.repeat(Number(value))}${'☆'.repeat(Math.max(0, 5 - Number(value)))}`;
    case 'enum': {
      const e = FIELD_ENUMS[key];
      return e ? labels.enumValue(e, String(value)) : String(value);
    }
    case 'text_list':
      return Array.isArray(value) ? value.join('、') : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** In place of a sensitive value the reader is not entitled to see. */
export function HiddenValue() {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary">
      <LockOutlined /> {t('customer.hidden')}
    </Typography.Text>
  );
}
