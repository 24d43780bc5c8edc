// The checks of the field catalog's types, run in the browser before sending so that people read the
// problem in their own language at once. They mirror domain/customer/fields.cpp; the server checks
// everything again and its answer lands on the same inputs.
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { FieldSpec } from './api';

/** The translation key of what is wrong with a value of a catalog type, or null when it is fine. */
export function problemOf(type: FieldSpec['type'], value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (type === 'money') {
    const amount = String((value as { amount?: unknown }).amount ?? '').trim();
    return amount === '' || /^\d+(\.\d+)?$/.test(amount) ? null : 'validation.money';
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  switch (type) {
    case 'phone': {
      if (!/^[0-9 +\-()x#]*$/.test(text)) return 'validation.phone';
      const digits = text.replace(/\D/g, '').length;
      return digits >= 5 && digits <= 20 ? null : 'validation.phone';
    }
    case 'email': {
      const at = text.indexOf('@');
      const ok =
        at > 0 &&
        text.indexOf('@', at + 1) < 0 &&
        text.indexOf('.', at) > 0 &&
        !text.endsWith('.') &&
        !text.includes(' ') &&
        text[at + 1] !== '.';
      return ok ? null : 'validation.email';
    }
    case 'url': {
      const m = /^(https?):\/\/([^/ ]+)/i.exec(text);
      const host = m?.[2] ?? '';
      return m && !text.includes(' ') && host.length >= 3 && host.includes('.') && !host.startsWith('.') && !host.endsWith('.')
        ? null
        : 'validation.url';
    }
    case 'postcode':
      return /^[A-Za-z0-9 -]{3,10}$/.test(text) ? null : 'validation.postcode';
    case 'tax_id':
      return /^[A-Za-z0-9]{8,30}$/.test(text) ? null : 'validation.tax_id';
    default:
      return null;
  }
}

export function fieldRules(spec: FieldSpec, t: TFunction, required: boolean): Rule[] {
  const rules: Rule[] = [];
  if (required) rules.push({ required: true, message: t('validation.required') });
  rules.push({
    validator: (_, value) => {
      const problem = problemOf(spec.type, value);
      return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
    },
  });
  if (spec.max_length && (spec.type === 'text' || spec.type === 'long_text'))
    rules.push({ max: spec.max_length, message: t('validation.max_chars', { count: spec.max_length }) });
  return rules;
}
