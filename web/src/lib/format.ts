// Numbers, money and dates in the interface language. Money stays exact: the API's decimal string is
// grouped digit by digit (BigInt), never turned into a floating-point number.
import { INTL_LOCALE, type Language } from '@/i18n/languages';

export interface Money {
  amount: string;
  currency: string;
}

function parts(language: Language) {
  const sample = new Intl.NumberFormat(INTL_LOCALE[language]).formatToParts(12345.6);
  return {
    group: sample.find((p) => p.type === 'group')?.value ?? ',',
    decimal: sample.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** "1234567.50" → "1,234,567.50" (en), "1.234.567,50" (es): exact for any length. */
export function formatDecimal(amount: string, language: Language): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) return amount;
  const [, sign = '', whole = '0', fraction] = m;
  const { decimal } = parts(language);
  // Intl groups a BigInt exactly, with the locale's own rules (Spanish leaves 4-digit numbers ungrouped).
  const grouped = new Intl.NumberFormat(INTL_LOCALE[language], { useGrouping: true }).format(BigInt(whole));
  return `${sign}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** A Money as "¥1,234.50" / "1234,50 CNY" following the language's conventions. */
export function formatMoney(money: Money | null | undefined, language: Language): string {
  if (!money) return '';
  const number = formatDecimal(money.amount, language);
  const negative = number.startsWith('-');
  const digits = negative ? number.slice(1) : number;
  // Let Intl say where the currency goes and which symbol it has, using a placeholder number.
  const template = new Intl.NumberFormat(INTL_LOCALE[language], {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: 'symbol',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).formatToParts(1);
  const out = template.map((p) => (p.type === 'integer' ? digits : p.value)).join('');
  return negative ? `-${out}` : out;
}

/** How dates are typed into date pickers: day first in Spanish, year first otherwise (never ambiguous). */
export function dateInputFormat(language: Language): string {
  return language === 'es' ? 'DD/MM/YYYY' : 'YYYY-MM-DD';
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], options).format(value);
}

/** A calendar date ("2026-11-22") in the language's medium style; it is not shifted by time zones. */
export function formatDate(date: string | null | undefined, language: Language): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}

/** An instant (RFC 3339) in the browser's time zone. */
export function formatDateTime(instant: string | null | undefined, language: Language, timeZone?: string): string {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}
