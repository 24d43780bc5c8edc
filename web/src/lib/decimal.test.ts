import { describe, expect, it } from 'vitest';
import { compareDecimal, fromUnits, isDecimal, lineAmount, minorDigits, orderTotals, toUnits } from './decimal';

describe('toUnits and fromUnits', () => {
  it('holds decimals exactly at a scale', () => {
    expect(toUnits('12.5', 2)).toBe(1250n);
    expect(toUnits('0.001', 3)).toBe(1n);
    expect(toUnits(' 7 ', 0)).toBe(7n);
    expect(fromUnits(1250n, 2)).toBe('12.50');
    expect(fromUnits(5n, 2)).toBe('0.05');
    expect(fromUnits(-5n, 2)).toBe('-0.05');
    expect(fromUnits(100n, 0)).toBe('100');
  });
  it('refuses what is not a plain non-negative decimal of that scale', () => {
    for (const bad of ['', '1.', '.5', '-1', '1e3', '1,5', 'abc', '1.234']) expect(toUnits(bad, 2), bad).toBeNull();
    expect(isDecimal('1.25', 2)).toBe(true);
    expect(isDecimal('1.255', 2)).toBe(false);
  });
  it('keeps every digit beyond what a double can hold', () => {
    expect(fromUnits(toUnits('90071992547409919.99', 2)!, 2)).toBe('90071992547409919.99');
  });
});

describe('lineAmount', () => {
  it('multiplies and rounds half up to the minor unit, as the server does', () => {
    expect(lineAmount('12', '1500.00', 2)).toBe('18000.00');
    expect(lineAmount('0.5', '0.01', 2)).toBe('0.01'); // 0.005 → 0.01
    expect(lineAmount('0.499', '0.01', 2)).toBe('0.00');
    expect(lineAmount('2.125', '9.99', 2)).toBe('21.23'); // 21.22875
    expect(lineAmount('3', '0.1', 2)).toBe('0.30'); // 0.1 × 3 is not 0.30000000000000004 here
  });
  it('follows the currency: no decimals for JPY, three for KWD', () => {
    expect(lineAmount('1.5', '333', 0)).toBe('500'); // 499.5 → 500
    expect(lineAmount('1.5', '0.333', 3)).toBe('0.500'); // 0.4995 → 0.500
  });
  it('is exact for large amounts', () => {
    expect(lineAmount('999999999.999', '99999999.99', 2)).toBe('99999999989900000.00'); // 9.99…e16
    expect(lineAmount('123456789.123', '98765432.17', 2)).toBe('12193263132053650.29');
  });
  it('has no amount for an incomplete or wrong line', () => {
    expect(lineAmount('0', '10', 2)).toBeNull();
    expect(lineAmount('1.2345', '10', 2)).toBeNull();
    expect(lineAmount('1', '10.001', 2)).toBeNull();
    expect(lineAmount('', '10', 2)).toBeNull();
    expect(lineAmount('1', '', 2)).toBeNull();
  });
});

describe('orderTotals', () => {
  it('adds the lines and takes the prepayment off for the credit part', () => {
    const totals = orderTotals(
      [
        { quantity: '2.5', unit_price: '1500.10' },
        { quantity: '1', unit_price: '0.10' },
      ],
      2,
      '1000',
    );
    expect(totals).toEqual({ lines: ['3750.25', '0.10'], total: '3750.35', complete: true, creditPart: '2750.35' });
  });
  it('sums the complete lines only and says so', () => {
    const totals = orderTotals([{ quantity: '1', unit_price: '10' }, { quantity: 'x' }, undefined], 2);
    expect(totals.lines).toEqual(['10.00', null, null]);
    expect(totals.total).toBe('10.00');
    expect(totals.complete).toBe(false);
  });
  it('never goes below zero credit, and has none for a wrong prepayment', () => {
    expect(orderTotals([{ quantity: '1', unit_price: '10' }], 2, '50').creditPart).toBe('0.00');
    expect(orderTotals([{ quantity: '1', unit_price: '10' }], 2, '5.555').creditPart).toBeNull();
  });
});

describe('minorDigits', () => {
  it('knows the minor unit of a currency', () => {
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('cny')).toBe(2);
    expect(minorDigits(undefined)).toBe(2);
  });
});

describe('compareDecimal', () => {
  it('compares exactly, whatever the decimals', () => {
    expect(compareDecimal('1000000.00', '1000000.00')).toBe(0);
    expect(compareDecimal('1000000.01', '1000000.00')).toBe(1);
    expect(compareDecimal('999999.999', '1000000')).toBe(-1);
    expect(compareDecimal('1000000', '1000000.000')).toBe(0);
    expect(compareDecimal('90071992547409919.99', '90071992547409919.98')).toBe(1);
    expect(compareDecimal('-1', '0')).toBeNull();
    expect(compareDecimal('abc', '0')).toBeNull();
  });
});
