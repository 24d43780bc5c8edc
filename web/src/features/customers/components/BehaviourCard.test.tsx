import { screen, within } from '@testing-library/react';
import i18n from 'i18next';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GRADE_REASONS, gradeLabel, SCORE_REASONS } from '@/lib/credit';
import en from '@/locales/en/translation.json';
import es from '@/locales/es/translation.json';
import zhCN from '@/locales/zh-CN/translation.json';
import zhTW from '@/locales/zh-TW/translation.json';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { BehaviourCard } from './BehaviourCard';

const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const money = (amount: string) => ({ amount, currency: 'CNY' });
const months = Array.from({ length: 12 }, (_, i) => {
  const month = i < 1 ? '2025-12' : `2026-${String(i).padStart(2, '0')}`;
  const without = month === '2026-09' || month === '2026-10';
  return { month, amounts_past_due: without || month === '2026-08', collected: money(without ? '0.00' : '1000.00'), without_collection: without };
});

const behaviour = {
  as_of: '2026-11-30',
  window_first: '2025-12-01',
  items: 10,
  late_items: 3,
  amount_due: money('50000.00'),
  amount_collected: money('40000.00'),
  collected_bp: 8000,
  on_time_bp: 6667,
  max_days_past_due: 45,
  average_days_past_due: 12,
  months_without_collection: 2,
  open_past_due: money('10000.00'),
  evaluation_score: 75,
  grade: 'II',
  grade_reasons: ['collected_ratio_at_least_80'],
  score: 57,
  score_reasons: [
    { code: 'evaluation_score', points: 10 },
    { code: 'late_payments', points: 5 },
    { code: 'uncollected_amounts', points: 5 },
    { code: 'days_past_due', points: 6 },
    { code: 'months_without_collection', points: 8 },
  ],
  months,
};

describe('BehaviourCard', () => {
  it('shows the grade and score the payment behaviour gives, with their reasons, ratios and months', async () => {
    const calls = mockFetch({ 'GET /api/v1/customers/7/credit/behaviour': () => ({ status: 200, body: behaviour }) });
    renderPage(<BehaviourCard customerId={7} asOf="2026-11-30" />);
    expect(await screen.findByTestId('behaviour-grade')).toHaveTextContent('II');
    expect(screen.getByTestId('behaviour-grade-reason')).toHaveTextContent(
      'Not everything was paid on time, but at least 80 % of the amounts due was collected.',
    );
    expect(screen.getByTestId('behaviour-score')).toHaveTextContent('57 / 100');
    const row = screen.getByText('Some amounts were not paid by their due date.').closest('tr')!;
    expect(within(row).getByText('−5')).toBeInTheDocument();
    const months = within(screen.getByTestId('behaviour-score-reasons')).getByText(
      'Months went by without any collection while amounts were past due.',
    );
    expect(within(months.closest('tr')!).getByText('−8')).toBeInTheDocument();
    expect(screen.getByTestId('behaviour-collected')).toHaveTextContent('80.00 %');
    expect(screen.getByTestId('behaviour-on-time')).toHaveTextContent('66.67 %');
    expect(screen.getByText('CN¥50,000.00')).toBeInTheDocument();
    expect(screen.getByText('CN¥40,000.00')).toBeInTheDocument();
    expect(screen.getByText('45')).toBeInTheDocument();
    expect(screen.getByText('12')).toBeInTheDocument();
    const tags = within(screen.getByTestId('behaviour-months')).getAllByText(/^\d{4}-\d{2}$/);
    expect(tags).toHaveLength(12);
    expect(screen.getByTestId('behaviour-month-2026-09')).toHaveClass('ant-tag-red');
    expect(screen.getByTestId('behaviour-month-2026-08')).not.toHaveClass('ant-tag-red');
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/customers/7/credit/behaviour')!;
    expect(asked.searchParams.get('as_of')).toBe('2026-11-30');
  }, SLOW);

  it('asks for today without an as-of date and says when there is no grade', async () => {
    const calls = mockFetch({
      'GET /api/v1/customers/7/credit/behaviour': () => ({
        status: 200,
        body: { ...behaviour, grade: null, grade_reasons: [], score_reasons: [{ code: 'no_evaluation', points: 40 }] },
      }),
    });
    renderPage(<BehaviourCard customerId={7} />);
    expect(await screen.findByTestId('behaviour-grade')).toHaveTextContent('None: no payment history and no evaluation');
    expect(screen.getByText('−40')).toBeInTheDocument();
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/customers/7/credit/behaviour')!;
    expect(asked.searchParams.has('as_of')).toBe(false);
  }, SLOW);

  it('shows the grades as 甲乙丙丁 in Chinese', () => {
    i18n.addResourceBundle('zh-CN', 'translation', zhCN);
    i18n.addResourceBundle('zh-TW', 'translation', zhTW);
    expect(gradeLabel('I', i18n.getFixedT('zh-CN'))).toBe('甲');
    expect(gradeLabel('IV', i18n.getFixedT('zh-TW'))).toBe('丁');
    expect(gradeLabel('III', i18n.getFixedT('en'))).toBe('III');
  });

  it.each([
    ['en', en],
    ['zh-CN', zhCN],
    ['zh-TW', zhTW],
    ['es', es],
  ])('has a text for every reason code in %s', (_, bundle) => {
    const texts = bundle.behaviour as { grade_reasons: Record<string, string>; score_reasons: Record<string, string> };
    for (const r of GRADE_REASONS) expect(texts.grade_reasons[r]?.trim(), r).toBeTruthy();
    for (const r of SCORE_REASONS) expect(texts.score_reasons[r]?.trim(), r).toBeTruthy();
    expect(Object.keys(texts.grade_reasons).sort()).toEqual([...GRADE_REASONS].sort());
    expect(Object.keys(texts.score_reasons).sort()).toEqual([...SCORE_REASONS].sort());
  });
});
