// Applications, decisions and users as the API answers them, for the approvals feature's tests.
import type { Role } from '@/app/access';
import type { Application, Decision } from '../api';

export const money = (amount: string, currency = 'CNY') => ({ amount, currency });

export function application(changes: Partial<Application> = {}): Application {
  return {
    id: 12,
    customer_id: 7,
    customer_code: 'C2026000007',
    customer_name: 'Acme Ltd',
    applicant_id: 3,
    applicant_name: 'sales.east1',
    limit: money('500000.00'),
    term_days: 45,
    grade: 'II',
    report_date: '2026-10-31',
    reason: 'Framework contract for 2027',
    status: 'pending',
    round: 1,
    source: 'user',
    proposal: [],
    next_step: 'regional_manager',
    created_at: '2026-11-20T08:00:00Z',
    updated_at: '2026-11-20T08:00:00Z',
    decisions: [],
    ...changes,
  };
}

export function decision(changes: Partial<Decision> = {}): Decision {
  return {
    round: 1,
    step: 'regional_manager',
    decision: 'approve',
    actor_id: 4,
    actor_name: 'rm.east',
    comment: '',
    at: '2026-11-21T09:00:00Z',
    ...changes,
  };
}

export const user = (roles: Role[], id = 9) => ({
  id,
  username: roles.join('+'),
  display_name: 'Test',
  roles,
  region: null,
  language: null,
  active: true,
});

export const account = {
  customer_id: 7,
  currency: 'CNY',
  limit: money('100000.00'),
  term_days: 30,
  valid_from: '2026-01-01',
  valid_until: '2026-12-31',
  grade: 'III',
  score: null,
  on_hold: false,
  hold_reason: null,
  report_date: '2026-01-15',
  receivables: money('0.00'),
  reserved_orders: money('20000.00'),
  exposure: money('20000.00'),
  effective_limit: money('100000.00'),
  available: money('80000.00'),
  utilization_bp: 2000,
  oldest_overdue: null,
  exceptions: [],
};

export const customer = { id: 7, code: 'C2026000007', name: 'Acme Ltd' };
