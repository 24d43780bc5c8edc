// The date a report is as of: a date picker over a YYYY-MM-DD string, none meaning today.
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dateInputFormat } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';

export function AsOfPicker({ value, onChange }: { value: string | undefined; onChange: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <DatePicker
      aria-label={t('classification.as_of')}
      placeholder={t('classification.as_of')}
      format={dateInputFormat(language)}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d: Dayjs | null) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
