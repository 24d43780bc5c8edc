import { describe, expect, it } from 'vitest';
import { problemOf } from './rules';

describe('problemOf mirrors the server checks', () => {
  it('phones: digits with + - ( ) spaces, 5 to 20 digits', () => {
    expect(problemOf('phone', '0571-8888 6666')).toBeNull();
    expect(problemOf('phone', '+86 (571) 8888-6666')).toBeNull();
    expect(problemOf('phone', '1234')).toBe('validation.phone');
    expect(problemOf('phone', '0571-8888 ext 2')).toBe('validation.phone');
  });
  it('e-mail addresses', () => {
    expect(problemOf('email', 'buyer@example.cn')).toBeNull();
    expect(problemOf('email', 'buyer@example')).toBe('validation.email');
    expect(problemOf('email', 'a@b@c.cn')).toBe('validation.email');
  });
  it('web addresses need http(s) and a host with a dot', () => {
    expect(problemOf('url', 'https://valves.example.cn/a')).toBeNull();
    expect(problemOf('url', 'valves.example.cn')).toBe('validation.url');
    expect(problemOf('url', 'http://localhost')).toBe('validation.url');
  });
  it('postcodes and tax ids', () => {
    expect(problemOf('postcode', '310000')).toBeNull();
    expect(problemOf('postcode', '31')).toBe('validation.postcode');
    expect(problemOf('tax_id', '91330100MA2ABCDE')).toBeNull();
    expect(problemOf('tax_id', '9133-0100')).toBe('validation.tax_id');
  });
  it('money amounts: a non-negative decimal, never a float conversion', () => {
    expect(problemOf('money', { amount: '5000000.00', currency: 'CNY' })).toBeNull();
    expect(problemOf('money', { amount: '-1', currency: 'CNY' })).toBe('validation.money');
    expect(problemOf('money', { amount: '1e6', currency: 'CNY' })).toBe('validation.money');
    expect(problemOf('money', { amount: '', currency: 'CNY' })).toBeNull();
  });
  it('empty values are left to the required check', () => {
    expect(problemOf('phone', '')).toBeNull();
    expect(problemOf('email', undefined)).toBeNull();
  });
});
