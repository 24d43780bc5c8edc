import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '@/test/render';
import { alertMessage, alertTarget, usualPerDay, type Alert } from './messages';

beforeAll(() => initTestI18n());

const base = {
  id: 1,
  day: '2026-11-22',
  customer: null,
  subject: null,
  params: {},
  created_at: '2026-11-22T08:00:00Z',
  read_at: null,
} satisfies Partial<Alert>;

const poolReturn = (params: Record<string, unknown>, customer: Alert['customer'] = { id: 7, code: 'C2026000007', name: 'Acme Ltd' }): Alert => ({
  ...base,
  kind: 'pool_return',
  customer,
  params,
});

const leak = (kind: 'leak_reads' | 'leak_exports', params: Record<string, unknown>): Alert => ({
  ...base,
  kind,
  subject: { id: 3, username: 'zhang.wei' },
  params,
});

const say = (alert: Alert) => alertMessage(alert, i18n.t, 'en');

describe('alertMessage', () => {
  it('names the file returning to the pool, its date and the days left', () => {
    expect(say(poolReturn({ days_left: 3 }))).toBe(
      "Acme Ltd (C2026000007) returns to the region's pool on Nov 22, 2026 unless someone follows it up (days left: 3)",
    );
  });

  it('leaves the days out when an old alert lacks them', () => {
    expect(say(poolReturn({}))).toBe("Acme Ltd (C2026000007) returns to the region's pool on Nov 22, 2026 unless someone follows it up");
    expect(say(poolReturn({ days_left: null }))).not.toContain('days left');
  });

  it('still says something when the customer is gone', () => {
    expect(say(poolReturn({ days_left: 0 }, null))).toBe(
      "A customer file returns to the region's pool on Nov 22, 2026 unless someone follows it up (days left: 0)",
    );
  });

  it('compares unusual reads with the usual per day and the threshold', () => {
    const alert = leak('leak_reads', { rule: 'multiple', count: 120, baseline_sum: 120, baseline_days: 30, threshold: 20 });
    expect(say(alert)).toBe('zhang.wei read 120 customer files on Nov 22, 2026, usual is 4 a day (threshold 20)');
  });

  it('names the absolute limit for exports, with the usual to one decimal', () => {
    const alert = leak('leak_exports', { rule: 'absolute', count: 1500, baseline_sum: 37, baseline_days: 30, threshold: 1000 });
    expect(say(alert)).toBe(
      'zhang.wei exported 1,500 customer files on Nov 22, 2026, reaching the daily limit of 1,000 (usual is 1.2 a day)',
    );
  });

  it('treats missing figures as zero and a missing subject as some user', () => {
    const alert: Alert = { ...leak('leak_reads', {}), subject: null };
    expect(say(alert)).toBe('A user read 0 customer files on Nov 22, 2026, usual is 0 a day (threshold 0)');
  });

  it('says how much of its credit limit a customer uses and which mark it passed', () => {
    const alert: Alert = {
      ...base,
      kind: 'utilization',
      customer: { id: 7, code: 'C2026000007', name: 'Acme Ltd' },
      params: { level_bp: 8000, utilization_bp: 8125, exposure: '81250.00', limit: '100000.00', currency: 'CNY' },
    };
    expect(say(alert)).toBe(
      'Acme Ltd (C2026000007) uses 81.25% of its credit limit (CN¥81,250.00 of CN¥100,000.00), past the 80% mark, on Nov 22, 2026',
    );
    expect(alertTarget(alert)).toBe('/customers/7?tab=credit');
  });

  it('shows a kind it does not know by its name', () => {
    const alert = { ...base, kind: 'something_new' } as unknown as Alert;
    expect(say(alert)).toBe('something_new on Nov 22, 2026');
  });
});

describe('usualPerDay', () => {
  it('averages the baseline with one decimal at most', () => {
    expect(usualPerDay({ baseline_sum: 100, baseline_days: 30 })).toBe(3.3);
    expect(usualPerDay({ baseline_sum: 90, baseline_days: 30 })).toBe(3);
    expect(usualPerDay({ baseline_sum: 90 })).toBe(0);
    expect(usualPerDay({ baseline_sum: 90, baseline_days: 0 })).toBe(0);
  });
});

describe('alertTarget', () => {
  it('opens the customer file for a pool return and the alerts page otherwise', () => {
    expect(alertTarget(poolReturn({}))).toBe('/customers/7');
    expect(alertTarget(poolReturn({}, null))).toBe('/alerts');
    expect(alertTarget(leak('leak_reads', {}))).toBe('/alerts');
  });
});

describe('collection alerts', () => {
  const customer = { id: 7, code: 'C2026000007', name: 'Acme Ltd' };
  it('says how many items a reminder listed and leads to the credit tab', () => {
    const alert: Alert = { ...base, kind: 'reminder', customer, params: { count: 3, items: [] } };
    expect(say(alert)).toBe('Reminder for Acme Ltd (C2026000007) on Nov 22, 2026: 3 items due or overdue');
    expect(alertTarget(alert)).toBe('/customers/7?tab=credit');
  });
  it('names the broken promise with its amounts and leads to the case', () => {
    const alert: Alert = {
      ...base,
      kind: 'promise_broken',
      customer,
      params: { case_id: 5, amount: '400.00', collected: '100.00', currency: 'CNY', promised_date: '2026-11-22' },
    };
    expect(say(alert)).toBe('Acme Ltd (C2026000007) broke its promise to pay CN¥400.00 by Nov 22, 2026 (paid CN¥100.00)');
    expect(alertTarget(alert)).toBe('/collection-cases/5');
  });
});
