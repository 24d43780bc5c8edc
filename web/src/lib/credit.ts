// The words of orders and credit shared by the orders and approvals features and the customer file's
// credit tab: the order statuses, the credit-hold reasons (each with a label and an explanation in every
// language), the credit grades, the states of credit applications and the reasons of the re-evaluation's
// proposals, and the eight factors of a credit evaluation with its score.
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

export type ApplicationStatus = Schemas['CreditApplication']['status'];
export type EvaluationFactor = keyof Schemas['EvaluationFactors'];

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['pending', 'approved', 'rejected', 'returned'];

export const APPLICATION_STATUS_COLORS: Record<ApplicationStatus, string> = {
  pending: 'processing',
  approved: 'green',
  rejected: 'red',
  returned: 'orange',
};

export function applicationStatusLabel(status: string, t: TFunction): string {
  return t(`approvals.statuses.${status}`, { defaultValue: status });
}

/** Why the re-evaluation proposed a change (or set one aside), in the server's words. */
export const PROPOSAL_REASONS = [
  'good_payments_two_quarters',
  'no_collection_consecutive_months',
  'justification_recorded',
  'top_grade',
  'bottom_grade',
  'no_limit',
  'cut_stops_at_exposure',
] as const;

/** A proposal reason in words; one this version does not know shows its code. */
export function proposalReasonLabel(reason: string, t: TFunction): string {
  return t(`approvals.proposal_reasons.${reason}`, { defaultValue: reason });
}

/** The eight factors of a credit evaluation (CE-1), in the server's order; each 0–10, 10 best. */
export const EVALUATION_FACTORS: readonly EvaluationFactor[] = [
  'project_reliability',
  'funding_strength',
  'leadership',
  'bad_credit_records',
  'satisfiability',
  'production_fit',
  'price_profitability',
  'stability_potential',
];

export const MAX_FACTOR_SCORE = 10;

/** The factor's full meaning ("Bad credit records (10 = none)"). */
export function factorLabel(factor: string, t: TFunction): string {
  return t(`evaluation.factors.${factor}`, { defaultValue: factor });
}

/** The factor's name in a table heading. */
export function factorShortLabel(factor: string, t: TFunction): string {
  return t(`evaluation.factors_short.${factor}`, { defaultValue: factor });
}

/**
 * The score 0–100 of eight factor scores as the server computes it (equal weights):
 * round_half_up(sum × 10 / 8). Null while a factor is missing or not a whole number from 0 to 10.
 */
export function evaluationScore(factors: Partial<Record<EvaluationFactor, number | null | undefined>>): number | null {
  let sum = 0;
  for (const f of EVALUATION_FACTORS) {
    const v = factors[f];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_FACTOR_SCORE) return null;
    sum += v;
  }
  const n = EVALUATION_FACTORS.length;
  return Math.floor((sum * 10 * 2 + n) / (n * 2));
}


export type GradeReason = Schemas['Behaviour']['grade_reasons'][number];
export type ScoreReason = Schemas['Behaviour']['score_reasons'][number]['code'];

/** The rules that decide the grade of the payment behaviour (CE-3), in the server's order. */
export const GRADE_REASONS: readonly GradeReason[] = [
  'over_90_days_past_due',
  'all_paid_on_time',
  'collected_ratio_at_least_80',
  'collected_ratio_below_80',
  'initial_from_evaluation',
];

/** What costs the credit score points (CE-5), in the server's order. */
export const SCORE_REASONS: readonly ScoreReason[] = [
  'evaluation_score',
  'no_evaluation',
  'uncollected_amounts',
  'late_payments',
  'days_past_due',
  'months_without_collection',
  'no_payment_history',
];

/** Why the behaviour gives its grade, in words; a rule this version does not know shows its code. */
export function gradeReasonLabel(reason: string, t: TFunction): string {
  return t(`behaviour.grade_reasons.${reason}`, { defaultValue: reason });
}

/** What a score reason means, in words; one this version does not know shows its code. */
export function scoreReasonLabel(reason: string, t: TFunction): string {
  return t(`behaviour.score_reasons.${reason}`, { defaultValue: reason });
}

/** Basis points as an exact percentage with two decimals ("80.00 %"): 8000 bp → 80.00. */
export function basisPointsPercent(bp: number, format: (value: number, options: Intl.NumberFormatOptions) => string): string {
  return `${format(bp / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
}
