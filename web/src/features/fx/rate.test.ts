import { describe, expect, it } from 'vitest';
import { daysInForce, isCurrencyCode, isRate } from './rate';

describe('isRate', () => {
  it('takes positive decimals with at most 8 decimals', () => {
    for (const ok of ['7.1234', '1', '0.00000001', ' 7.1 ', '1234567890.12345678']) expect(isRate(ok), ok).toBe(true);
  });
  it('refuses commas, zero, negatives, too many decimals or digits, and non-numbers', () => {
    for (const bad of ['7,1', '0', '0.00000000', '-1', '1.123456789', '12345678901', '1.', '.5', '1e3', '', 'abc'])
      expect(isRate(bad), bad).toBe(false);
  });
});

describe('isCurrencyCode', () => {
  it('takes three upper-case letters only', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('US')).toBe(false);
    expect(isCurrencyCode('US1')).toBe(false);
  });
});

describe('daysInForce', () => {
  it('picks, per currency, the newest day not after the given one', () => {
    const items = [
      { currency: 'USD', day: '2026-12-01' },
      { currency: 'USD', day: '2026-11-01' },
      { currency: 'USD', day: '2026-10-01' },
      { currency: 'EUR', day: '2026-12-01' },
    ];
    expect(Object.fromEntries(daysInForce(items, '2026-11-15'))).toEqual({ USD: '2026-11-01' });
    expect(Object.fromEntries(daysInForce(items, '2026-12-01'))).toEqual({ USD: '2026-12-01', EUR: '2026-12-01' });
  });
});
