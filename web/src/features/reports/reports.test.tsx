import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from 'i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '@/locales/en/translation.json';
import es from '@/locales/es/translation.json';
import zhCN from '@/locales/zh-CN/translation.json';
import zhTW from '@/locales/zh-TW/translation.json';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { alertMessage, alertTarget } from '@/features/alerts/messages';
import AnomaliesPage, { anomalyDetail } from './AnomaliesPage';
import { ANOMALY_KINDS, downloadManagementReport } from './api';
import BothEndsPage, { delayBucket, shareOf } from './BothEndsPage';

const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const user = (roles: string[]) => ({ id: 3, username: 'u', display_name: 'U', roles, region: null, language: null, active: true });
const cny = (amount: string) => ({ amount, currency: 'CNY' });
const figures = (id: number, name: string, over: Record<string, unknown> = {}) => ({
  customer: { id, code: `C2026${String(id).padStart(6, '0')}`, name },
  region: 'east',
  owner: { id: 5, name: 'Zhang Wei' },
  purchases: cny('0.00'),
  previous_purchases: cny('0.00'),
  recent_purchases: cny('0.00'),
  year_before_purchases: cny('0.00'),
  open: cny('0.00'),
  overdue: cny('0.00'),
  max_days_past_due: 0,
  new_overdue_items: 0,
  grade: 'II',
  score: 80,
  limit: null,
  utilization_bp: null,
  report_date: null,
  last_purchase: null,
  ...over,
});

describe('both ends', () => {
  it('ranks delays by the aging buckets and shows shares of the total', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(delayBucket)).toEqual([0, 1, 1, 2, 2, 3, 3, 4]);
    expect(shareOf('300000.00', '340000.00')).toBe(88.2);
    expect(shareOf('1.00', '0.00')).toBe(0);
  });

  it('shows the biggest and the riskiest side by side, as of the chosen date', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance']) }),
      'GET /api/v1/reports/both-ends': () => ({
        status: 200,
        body: {
          as_of: '2026-06-30',
          currency: 'CNY',
          customers: 4,
          total_purchases: cny('340000.00'),
          biggest: [figures(1, 'Big Valves', { purchases: cny('300000.00') }), figures(3, 'Drop Trading', { purchases: cny('40000.00') })],
          riskiest: [figures(2, 'Late Machinery', { overdue: cny('90000.00'), max_days_past_due: 71, grade: 'IV', score: 12 })],
        },
      }),
    });
    renderPage(<BothEndsPage />);
    const big = await within(await screen.findByTestId('biggest')).findByText('Big Valves');
    expect(within(big.closest('tr')!).getByText('CN¥300,000.00')).toBeInTheDocument();
    expect(within(big.closest('tr')!).getByText('88.2%')).toBeInTheDocument();
    const late = within(screen.getByTestId('riskiest')).getByText('Late Machinery').closest('tr')!;
    expect(within(late).getByText('CN¥90,000.00')).toBeInTheDocument();
    expect(within(late).getByText('71 days late')).toBeInTheDocument();
    expect(within(late).getByText('IV · 12')).toBeInTheDocument();
    expect(screen.getByTestId('both-ends-summary')).toHaveTextContent('4 customers bought CN¥340,000.00');
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/reports/both-ends')!;
    expect(asked.searchParams.get('limit')).toBe('10');
    expect(asked.searchParams.has('as_of')).toBe(false);
  }, SLOW);
});

describe('management report', () => {
  it('asks for the format, language and date, and saves the file under the name the server gives', async () => {
    const calls: Request[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      calls.push(req);
      return new Response(new Blob(['%PDF-1.5']), {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="credo-management-2026-06-30.pdf"' },
      });
    }) as typeof fetch;
    const created = vi.fn(() => 'blob:report');
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    await downloadManagementReport('pdf', 'zh-CN', '2026-06-30');
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe('/api/v1/reports/management');
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'pdf', language: 'zh-CN', as_of: '2026-06-30' });
    expect(clicked).toEqual(['credo-management-2026-06-30.pdf']);
    expect(created).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });
});

describe('anomalies', () => {
  const report = {
    as_of: '2026-06-30',
    currency: 'CNY',
    counts: { purchase_drop: 1, purchase_surge: 0, new_overdue: 1, limit_breach: 0, report_expired: 0, lost_customer: 1 },
    items: [
      { kind: 'purchase_drop', ...figures(3, 'Drop Trading', { recent_purchases: cny('40000.00'), year_before_purchases: cny('100000.00') }) },
      { kind: 'new_overdue', ...figures(2, 'Late Machinery', { new_overdue_items: 1, overdue: cny('90000.00') }) },
      { kind: 'lost_customer', ...figures(4, 'Lost Works', { owner: null, last_purchase: '2025-03-15', previous_purchases: cny('40000.00') }) },
    ],
  };

  it('says what each anomaly is about, counts them per kind, and lets a sales manager alert management', async () => {
    let raised = 0;
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales_manager']) }),
      'GET /api/v1/reports/anomalies': () => ({ status: 200, body: report }),
      'POST /api/v1/jobs/alerts': () => {
        raised += 1;
        return { status: 200, body: { as_of: '2026-06-30', ran: raised === 1, raised: raised === 1 ? 3 : null } };
      },
    });
    renderPage(<AnomaliesPage />);
    const drop = (await screen.findByText('Drop Trading')).closest('tr')!;
    expect(within(drop).getByText('Purchase drop')).toBeInTheDocument();
    expect(within(drop).getByText('CN¥40,000.00 in the last three months, against CN¥100,000.00 a year before')).toBeInTheDocument();
    const lost = screen.getByText('Lost Works').closest('tr')!;
    expect(within(lost).getByText(/pool/)).toBeInTheDocument();
    expect(within(lost).getByText('No purchases since Mar 15, 2025; CN¥40,000.00 in the year before')).toBeInTheDocument();
    fireEvent.click(within(screen.getByTestId('anomaly-kinds')).getByText('Lost customer (1)'));
    await waitFor(() => expect(screen.queryByText('Drop Trading')).not.toBeInTheDocument());
    expect(screen.getByText('Lost Works')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('anomalies-raise'));
    expect(await screen.findByText('3 new alerts raised')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('anomalies-raise'));
    expect(await screen.findByText('The alerts of this date were already raised')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  }, SLOW);

  it('offers finance no run of the alerts', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance']) }),
      'GET /api/v1/reports/anomalies': () => ({ status: 200, body: report }),
    });
    renderPage(<AnomaliesPage />);
    expect(await screen.findByText('Drop Trading')).toBeInTheDocument();
    expect(screen.queryByTestId('anomalies-raise')).not.toBeInTheDocument();
  }, SLOW);

  it('has an alert message leading to the customer', () => {
    const t = i18n.getFixedT('en');
    const alert = {
      id: 1,
      kind: 'anomaly' as const,
      day: '2026-06-30',
      customer: { id: 3, code: 'C2026000003', name: 'Drop Trading' },
      subject: null,
      params: { anomaly: 'purchase_drop' },
      created_at: '2026-06-30T01:00:00Z',
      read_at: null,
    };
    expect(alertMessage(alert, t, 'en')).toBe('Drop Trading (C2026000003): Purchase drop on Jun 30, 2026');
    expect(alertTarget(alert)).toBe('/customers/3?tab=credit');
    expect(anomalyDetail({ kind: 'report_expired', ...figures(1, 'x', { report_date: '2025-01-02' }) } as never, t, 'en')).toBe(
      'The credit report of Jan 2, 2025 is past its validity',
    );
  });

  it.each([
    ['en', en],
    ['es', es],
    ['zh-CN', zhCN],
    ['zh-TW', zhTW],
  ])('names every kind in %s', (_, bundle) => {
    const kinds = (bundle.reports as { kinds: Record<string, string> }).kinds;
    for (const k of ANOMALY_KINDS) expect(kinds[k]?.trim(), k).toBeTruthy();
    expect((bundle.alerts.kinds as Record<string, string>).anomaly).toBeTruthy();
  });
});
