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
import { CREDIT_GRADES, gradeLabel, HOLD_REASONS, ORDER_STATUSES, reasonExplanation, reasonLabel, statusLabel } from './credit';

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
