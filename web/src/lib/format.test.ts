import { describe, expect, it } from 'vitest';
import { formatDate, formatDecimal, formatMoney } from './format';

describe('formatDecimal', () => {
  it('groups any number of digits exactly, beyond what a double can hold', () => {
    expect(formatDecimal('12345678901234567890.12', 'en')).toBe('12,345,678,901,234,567,890.12');
  });
  it('uses the language separators', () => {
    expect(formatDecimal('1234567.50', 'es')).toBe('1.234.567,50');
    expect(formatDecimal('-1234.5', 'zh-CN')).toBe('-1,234.5');
  });
  it('leaves text that is not a decimal as it is', () => {
    expect(formatDecimal('abc', 'en')).toBe('abc');
  });
});

describe('formatMoney', () => {
  it('places the currency as the language does', () => {
    expect(formatMoney({ amount: '1234567.50', currency: 'CNY' }, 'zh-CN')).toBe('¥1,234,567.50');
    expect(formatMoney({ amount: '1234567.50', currency: 'EUR' }, 'es')).toBe('1.234.567,50\u00a0€');
    expect(formatMoney({ amount: '1234567.50', currency: 'USD' }, 'en')).toBe('$1,234,567.50');
  });
  it('keeps every digit of a large amount', () => {
    expect(formatMoney({ amount: '90071992547409919.99', currency: 'CNY' }, 'en')).toBe('CN¥90,071,992,547,409,919.99');
  });
  it('shows negative amounts and currencies without minor units', () => {
    expect(formatMoney({ amount: '-500', currency: 'JPY' }, 'en')).toBe('-¥500');
  });
  it('is empty for no amount', () => {
    expect(formatMoney(null, 'en')).toBe('');
  });
});

describe('formatDate', () => {
  it('shows the calendar day whatever the time zone', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDate('2026-01-01', 'zh-CN')).toBe('2026年1月1日');
    expect(formatDate('2026-01-01', 'es')).toBe('1 ene 2026');
  });
});
