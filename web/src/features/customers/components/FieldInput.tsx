// The input for one catalog field, chosen by its type (GET /customer-fields).
import { DatePicker, Input, Rate, Select, Space } from 'antd';
import { dateInputFormat } from '@/lib/format';
import { useLanguage } from '@/lib/useLanguage';
import type { FieldSpec } from '../api';
import { FIELD_ENUMS, useLabels } from '../labels';

export const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'JPY', 'GBP', 'MXN'];

interface Props {
  spec: FieldSpec;
  value?: unknown;
  onChange?: (value: unknown) => void;
  id?: string;
}

/** A money input: an exact decimal text (never a float) and a currency. */
function MoneyInput({ value, onChange, id }: Omit<Props, 'spec'>) {
  const money = (value as { amount?: string; currency?: string } | undefined) ?? {};
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        inputMode="decimal"
        value={money.amount ?? ''}
        onChange={(e) => onChange?.({ currency: money.currency ?? 'CNY', amount: e.target.value })}
        style={{ flex: 1 }}
      />
      <Select
        value={money.currency ?? 'CNY'}
        onChange={(currency) => onChange?.({ amount: money.amount ?? '', currency })}
        options={CURRENCIES.map((c) => ({ value: c, label: c }))}
        style={{ width: 90 }}
      />
    </Space.Compact>
  );
}

export function FieldInput({ spec, value, onChange, id }: Props) {
  const labels = useLabels();
  const language = useLanguage();
  const common = { id, value: value as never, onChange: onChange as never };
  switch (spec.type) {
    case 'long_text':
      return <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={spec.max_length ?? undefined} showCount />;
    case 'date':
      return <DatePicker {...common} format={dateInputFormat(language)} style={{ width: '100%' }} />;
    case 'money':
      return <MoneyInput id={id} value={value} onChange={onChange} />;
    case 'rating':
      return <Rate {...common} count={5} allowClear />;
    case 'enum': {
      const enumName = FIELD_ENUMS[spec.key];
      return (
        <Select
          {...common}
          allowClear
          options={(spec.options ?? []).map((o) => ({ value: o, label: enumName ? labels.enumValue(enumName, o) : o }))}
        />
      );
    }
    case 'text_list':
      return <Select {...common} mode="tags" tokenSeparators={[';', '；', ',', '，']} open={false} suffixIcon={null} />;
    case 'email':
      return <Input {...common} type="email" inputMode="email" maxLength={spec.max_length ?? undefined} />;
    case 'phone':
      return <Input {...common} type="tel" inputMode="tel" maxLength={spec.max_length ?? undefined} />;
    case 'url':
      return <Input {...common} type="url" inputMode="url" placeholder="https://" maxLength={spec.max_length ?? undefined} />;
    default:
      return <Input {...common} maxLength={spec.max_length ?? undefined} />;
  }
}

