// Orders, accounts and users as the API answers them, for the orders feature's tests.
import type { Order } from '../api';

export const money = (amount: string, currency = 'CNY') => ({ amount, currency });

export function order(changes: Partial<Order> = {}): Order {
  return {
    id: 5,
    number: 'SO00000005',
    customer_id: 7,
    order_date: '2026-11-20',
    amount: money('18000.00'),
    prepayment: money('0.00'),
    rate: '1',
    status: 'approved',
    reasons: [],
    copied_from: null,
    created_by: 3,
    created_at: '2026-11-20T08:00:00Z',
    released_by: null,
    released_at: null,
    release_reason: null,
    version: 1,
    lines: [{ product: 'Ball valve', model: 'DN50', quantity: '12', unit_price: money('1500.00'), amount: money('18000.00') }],
    credit_check: null,
    ...changes,
  };
}

export const held = (changes: Partial<Order> = {}) =>
  order({ status: 'credit_hold', reasons: ['over_limit', 'prepayment_required', 'limit_expired'], ...changes });

export const customer = { id: 7, code: 'C2026000007', name: 'Acme Ltd' };

export const account = {
  customer_id: 7,
  currency: 'CNY',
  limit: null,
  term_days: 30,
  valid_from: null,
  valid_until: null,
  grade: null,
  score: null,
  on_hold: false,
  hold_reason: null,
  report_date: null,
  receivables: money('0.00'),
  reserved_orders: money('0.00'),
  exposure: money('0.00'),
  effective_limit: money('0.00'),
  available: money('0.00'),
  utilization_bp: null,
  oldest_overdue: null,
  exceptions: [],
};

export const user = (roles: string[]) => ({
  id: 3,
  username: roles.join('+'),
  display_name: 'Test',
  roles,
  region: null,
  language: null,
  active: true,
});
