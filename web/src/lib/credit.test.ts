// Every credit-hold reason the server can give is named and explained in every language: a held order
// must say why in words the person reading it understands.
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schemas } from '@/api/client';
import en from '@/locales/en/translation.json';
import es from '@/locales/es/translation.json';
import zhCN from '@/locales/zh-CN/translation.json';
import zhTW from '@/locales/zh-TW/translation.json';
import { initTestI18n } from '@/test/render';
import {
  APPLICATION_STATUSES,
  applicationStatusLabel,
  CREDIT_GRADES,
  EVALUATION_FACTORS,
  evaluationScore,
  factorLabel,
  gradeLabel,
  HOLD_REASONS,
  ORDER_STATUSES,
  PROPOSAL_REASONS,
  proposalReasonLabel,
  reasonExplanation,
  reasonLabel,
  statusLabel,
} from './credit';

type Tree = { [key: string]: string | Tree };
const LOCALES: [string, Tree][] = [
  ['en', en as Tree],
  ['zh-CN', zhCN as Tree],
  ['zh-TW', zhTW as Tree],
  ['es', es as Tree],
];

function text(tree: Tree, path: string): string | undefined {
  let at: string | Tree | undefined = tree;
  for (const part of path.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  return typeof at === 'string' ? at : undefined;
}

beforeAll(() => initTestI18n());

describe('the credit-hold reasons', () => {
  it('are the ones the API declares', () => {
    // A reason added to the API must be added here (and explained) before this compiles and passes.
    const all: Record<Schemas['CreditCheck']['reasons'][number], true> = {
      over_limit: true,
      prepayment_required: true,
      overdue_items: true,
      limit_expired: true,
      report_stale: true,
      customer_on_hold: true,
      phase_out: true,
    };
    expect([...HOLD_REASONS].sort()).toEqual(Object.keys(all).sort());
  });

  describe.each(LOCALES)('in %s', (lang, tree) => {
    it('each have a name and an explanation of a sentence or more', () => {
      for (const r of HOLD_REASONS) {
        const label = text(tree, `orders.reasons.${r}`);
        const explain = text(tree, `orders.reason_explain.${r}`);
        expect(label?.trim(), `${lang} ${r}`).toBeTruthy();
        expect(explain?.trim().length ?? 0, `${lang} ${r}`).toBeGreaterThan(lang.startsWith('zh') ? 15 : 40);
        expect(explain, `${lang} ${r}`).not.toBe(label);
      }
    });
    it('names every order status and credit grade', () => {
      for (const s of ORDER_STATUSES) expect(text(tree, `orders.statuses.${s}`)?.trim(), `${lang} ${s}`).toBeTruthy();
      for (const g of CREDIT_GRADES) expect(text(tree, `credit.grades.${g}`)?.trim(), `${lang} ${g}`).toBeTruthy();
    });
    if (lang !== 'en')
      it('is translated, not left in English', () => {
        for (const r of HOLD_REASONS)
          expect(text(tree, `orders.reason_explain.${r}`), `${lang} ${r}`).not.toBe(text(en as Tree, `orders.reason_explain.${r}`));
      });
  });

  it('shows the grades as 甲乙丙丁 in Chinese', () => {
    for (const tree of [zhCN, zhTW] as Tree[])
      expect(CREDIT_GRADES.map((g) => text(tree, `credit.grades.${g}`))).toEqual(['甲', '乙', '丙', '丁']);
    expect(CREDIT_GRADES.map((g) => text(es as Tree, `credit.grades.${g}`))).toEqual(['I', 'II', 'III', 'IV']);
  });

  it('reads them through the helpers, and shows an unknown reason by its code', () => {
    expect(reasonLabel('prepayment_required', i18n.t)).toBe('Prepayment required');
    expect(reasonExplanation('prepayment_required', i18n.t)).toMatch(/payment in advance/);
    expect(reasonLabel('something_new', i18n.t)).toBe('something_new');
    expect(reasonExplanation('something_new', i18n.t)).toBe('');
    expect(statusLabel('credit_hold', i18n.t)).toBe('Credit hold');
    expect(gradeLabel('III', i18n.t)).toBe('III');
    expect(gradeLabel(null, i18n.t)).toBe('');
  });
});

describe('credit applications and evaluations', () => {
  it('know the statuses and evaluation factors the API declares', () => {
    const statuses: Record<Schemas['CreditApplication']['status'], true> = {
      pending: true,
      approved: true,
      rejected: true,
      returned: true,
    };
    expect([...APPLICATION_STATUSES].sort()).toEqual(Object.keys(statuses).sort());
    const factors: Record<keyof Schemas['EvaluationFactors'], true> = {
      project_reliability: true,
      funding_strength: true,
      leadership: true,
      bad_credit_records: true,
      satisfiability: true,
      production_fit: true,
      price_profitability: true,
      stability_potential: true,
    };
    expect([...EVALUATION_FACTORS].sort()).toEqual(Object.keys(factors).sort());
  });

  describe.each(LOCALES)('in %s', (lang, tree) => {
    it('names every application status, proposal reason and evaluation factor', () => {
      for (const s of APPLICATION_STATUSES) expect(text(tree, `approvals.statuses.${s}`)?.trim(), `${lang} ${s}`).toBeTruthy();
      for (const r of PROPOSAL_REASONS) expect(text(tree, `approvals.proposal_reasons.${r}`)?.trim(), `${lang} ${r}`).toBeTruthy();
      for (const f of EVALUATION_FACTORS) {
        expect(text(tree, `evaluation.factors.${f}`)?.trim(), `${lang} ${f}`).toBeTruthy();
        expect(text(tree, `evaluation.factors_short.${f}`)?.trim(), `${lang} ${f}`).toBeTruthy();
      }
      if (lang !== 'en')
        for (const r of PROPOSAL_REASONS)
          expect(text(tree, `approvals.proposal_reasons.${r}`), `${lang} ${r}`).not.toBe(text(en as Tree, `approvals.proposal_reasons.${r}`));
    });
  });

  it('spells the factors out in Chinese as the evaluation form has them', () => {
    expect(EVALUATION_FACTORS.map((f) => text(zhCN as Tree, `evaluation.factors.${f}`))).toEqual([
      '项目可靠性',
      '资金实力与到位情况',
      '项目负责人',
      '不良信用记录（10 = 无）',
      '我方满足程度',
      '生产周期与交货期',
      '合同价格与利润',
      '成为稳定客户的潜力',
    ]);
  });

  it('reads them through the helpers, an unknown one by its code', () => {
    expect(applicationStatusLabel('returned', i18n.t)).toBe('Returned');
    expect(proposalReasonLabel('good_payments_two_quarters', i18n.t)).toBe('Paid well for two quarters');
    expect(proposalReasonLabel('something_new', i18n.t)).toBe('something_new');
    expect(factorLabel('bad_credit_records', i18n.t)).toBe('Bad credit records (10 = none)');
  });
});

describe('evaluationScore', () => {
  const all = (v: number) => Object.fromEntries(EVALUATION_FACTORS.map((f) => [f, v]));
  it('is round_half_up(sum × 10 / 8), as the server computes it', () => {
    expect(evaluationScore(all(10))).toBe(100);
    expect(evaluationScore(all(0))).toBe(0);
    expect(evaluationScore(all(7))).toBe(70);
    expect(evaluationScore({ ...all(7), leadership: 8 })).toBe(71); // 71.25
    expect(evaluationScore({ ...all(7), leadership: 9 })).toBe(73); // 72.5, half up
    expect(evaluationScore({ ...all(7), leadership: 9, funding_strength: 8 })).toBe(74); // 73.75
  });
  it('waits for every factor, a whole number from 0 to 10', () => {
    expect(evaluationScore({ ...all(5), leadership: null })).toBeNull();
    expect(evaluationScore({ ...all(5), leadership: 11 })).toBeNull();
    expect(evaluationScore({ ...all(5), leadership: 2.5 })).toBeNull();
    expect(evaluationScore({})).toBeNull();
  });
});
