// The words of orders and credit shared by the orders feature and the customer file's credit tab: the
// order statuses, the credit-hold reasons (each with a label and an explanation in every language) and
// the credit grades.
import type { TFunction } from 'i18next';
import type { Schemas } from '@/api/client';

export type OrderStatus = Schemas['OrderStatus'];
export type HoldReason = Schemas['CreditCheck']['reasons'][number];
export type CreditGrade = NonNullable<Schemas['CreditAccount']['grade']>;

export const ORDER_STATUSES: readonly OrderStatus[] = ['approved', 'credit_hold', 'released', 'invoiced', 'cancelled'];

/** Every reason the order check gives, in the server's order. */
export const HOLD_REASONS: readonly HoldReason[] = [
  'over_limit',
  'prepayment_required',
  'overdue_items',
  'limit_expired',
  'report_stale',
  'customer_on_hold',
  'phase_out',
];

export const CREDIT_GRADES: readonly CreditGrade[] = ['I', 'II', 'III', 'IV'];

export const STATUS_COLORS: Record<OrderStatus, string> = {
  approved: 'green',
  credit_hold: 'red',
  released: 'gold',
  invoiced: 'blue',
  cancelled: 'default',
};

/** Orders that still hold (or wait for) credit: they may be amended and cancelled. */
export function isOpenOrder(status: string): boolean {
  return status === 'approved' || status === 'credit_hold' || status === 'released';
}

/** Orders that may be invoiced. */
export function isInvoiceable(status: string): boolean {
  return status === 'approved' || status === 'released';
}

export function statusLabel(status: string, t: TFunction): string {
  return t(`orders.statuses.${status}`, { defaultValue: status });
}

/** The reason's short name ("Over the credit limit"); a reason this version does not know shows its code. */
export function reasonLabel(reason: string, t: TFunction): string {
  return t(`orders.reasons.${reason}`, { defaultValue: reason });
}

/** What the reason means for the order and what can be done about it. */
export function reasonExplanation(reason: string, t: TFunction): string {
  return t(`orders.reason_explain.${reason}`, { defaultValue: '' });
}

/** "I" → 甲 in Chinese, I elsewhere. */
export function gradeLabel(grade: string | null | undefined, t: TFunction): string {
  return grade ? t(`credit.grades.${grade}`, { defaultValue: grade }) : '';
}
