import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from 'i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import OverviewPage from '@/features/customers/pages/OverviewPage';
import { UTILIZATION_BANDS, type Dashboard } from './api';
import DashboardPage from './DashboardPage';
import { BAND_COLORS, bandChartOption, bandLabel, percentOf } from './dashboard';

// ECharts needs a canvas: the chart stands in as its label; the options are checked below.
vi.mock('@/components/Chart', () => ({
  default: ({ label }: { label: string }) => <div data-testid="chart">{label}</div>,
}));

const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const user = (roles: string[]) => ({ id: 3, username: 'u', display_name: 'U', roles, region: null, language: null, active: true });
const cny = (amount: string) => ({ amount, currency: 'CNY' });
const amounts = (a: Partial<Record<string, string>> = {}) => ({
  currency: 'CNY',
  not_due: '0.00',
  d1_30: '0.00',
  d31_60: '0.00',
  d61_90: '0.00',
  over_90: '0.00',
  total: '0.00',
  past_due: '0.00',
  ...a,
});
const month = (m: string) => ({
  month: m,
  dso_days: 30,
  collection_rate_bp: 9000,
  fulfilment_rate_bp: 10000,
  overdue_ratio_bp: 1000,
  bad_debt_ratio_bp: 0,
  totals: { currency: 'CNY', invoiced: '0.00', open: '0.00', overdue: '0.00', due: '0.00', collected: '0.00', ordered: '0.00', fulfilled: '0.00', written_off: '0.00' },
});

function dashboard(asOf: string): Dashboard {
  const months = ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
  return {
    as_of: asOf,
    base_currency: 'CNY',
    tiers: {
      as_of: asOf,
      by: 'tier',
      total: 6,
      groups: [
        { key: 'A', label: 'A', count: 1, share_bp: 1667 },
        { key: 'B', label: 'B', count: 0, share_bp: 0 },
        { key: 'C', label: 'C', count: 2, share_bp: 3333 },
        { key: 'D', label: 'D', count: 3, share_bp: 5000 },
      ],
      reason: null,
    },
    grades: {
      as_of: asOf,
      by: 'grade',
      total: 6,
      groups: [
        { key: 'I', label: 'I', count: 1, share_bp: 1667 },
        { key: 'II', label: 'II', count: 4, share_bp: 6666 },
        { key: 'III', label: 'III', count: 1, share_bp: 1667 },
        { key: 'IV', label: 'IV', count: 0, share_bp: 0 },
        { key: '', label: 'ungraded', count: 0, share_bp: 0 },
      ],
      reason: null,
    },
    exposure: {
      as_of: asOf,
      exposure_as_of: '2026-03-15',
      currency: 'CNY',
      accounts: 6,
      on_hold: 1,
      limit: cny('360000.00'),
      exposure: cny('247734.56'),
      unlimited_exposure: cny('1234.56'),
      utilization_bp: 6847,
      levels: { first_bp: 8000, second_bp: 9000 },
      bands: UTILIZATION_BANDS.map((band) => ({ band, accounts: 1 })),
      currencies: [
        { currency: 'CNY', accounts: 3, limit: cny('150000.00'), exposure: cny('111234.56'), rate: '1.0' },
        { currency: 'EUR', accounts: 1, limit: { amount: '1000.00', currency: 'EUR' }, exposure: { amount: '950.00', currency: 'EUR' }, rate: null },
        { currency: 'USD', accounts: 2, limit: { amount: '30000.00', currency: 'USD' }, exposure: { amount: '19500.00', currency: 'USD' }, rate: '7.0' },
      ],
      unconverted: ['EUR'],
      top: [
        {
          customer: { id: 12, code: 'C2026000012', name: 'Far East Fittings' },
          limit: { amount: '10000.00', currency: 'USD' },
          exposure: { amount: '10500.00', currency: 'USD' },
          utilization_bp: 10500,
          grade: 'III',
          on_hold: true,
        },
        {
          customer: { id: 11, code: 'C2026000011', name: 'Hengxin Valves' },
          limit: cny('100000.00'),
          exposure: cny('85000.00'),
          utilization_bp: 8500,
          grade: 'II',
          on_hold: false,
        },
      ],
    },
    aging: {
      as_of: asOf,
      group_by: 'region',
      base_currency: 'CNY',
      buckets: ['not_due', 'd1_30', 'd31_60', 'd61_90', 'over_90'],
      rows: [{ key: 'east', label: 'east', customers: 1, amounts: amounts({ d31_60: '3000.00', total: '3000.00', past_due: '3000.00' }), currencies: [] }],
      total: amounts({ d31_60: '3000.00', total: '3000.00', past_due: '3000.00' }),
      currencies: [],
      unconverted: [],
      note: null,
    },
    collections: { from: '2025-04', to: '2026-03', base_currency: 'CNY', months: months.map(month), unconverted: [], notes: [] },
  };
}

describe('DashboardPage', () => {
  it('shows the distributions, exposure vs limits, aging and collections of today', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance']) }),
      'GET /api/v1/reports/dashboard': (req) => ({
        status: 200,
        body: dashboard(new URL(req.url).searchParams.get('as_of') ?? '2026-03-15'),
      }),
    });
    renderPage(<DashboardPage />);
    await screen.findByTestId('dashboard-exposure');
    expect(screen.getByTestId('dashboard-summary')).toHaveTextContent('6 customers in your scope, as of Mar 15, 2026.');
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/reports/dashboard')!;
    expect(asked.searchParams.has('as_of')).toBe(false);

    // Tiers and grades: every group with its count and share, as the server counted them.
    const tiers = screen.getByTestId('dashboard-tiers');
    expect(within(tiers).getByText('Tier D: 3 · 50.00 %')).toBeInTheDocument();
    expect(within(tiers).getByText('Customers by tier')).toBeInTheDocument();
    expect(within(screen.getByTestId('dashboard-grades')).getByText('No grade: 0 · 0.00 %')).toBeInTheDocument();

    // Exposure vs limits: the totals, the bands with the levels in force, the most used accounts.
    const exposure = screen.getByTestId('dashboard-exposure');
    expect(within(exposure).getByTestId('exposure-limit')).toHaveTextContent('CN¥360,000.00');
    expect(within(exposure).getByTestId('exposure-total')).toHaveTextContent('CN¥247,734.56');
    expect(within(exposure).getByText('of which CN¥1,234.56 on accounts without a limit')).toBeInTheDocument();
    expect(within(exposure).getByTestId('exposure-utilization')).toHaveTextContent('68.5%');
    expect(within(exposure).getByTestId('exposure-on-hold')).toHaveTextContent('1 of 6 accounts');
    expect(within(exposure).getByTestId('exposure-as-of')).toHaveTextContent(
      'Exposure as it stands on Mar 15, 2026, converted at the rates of Mar 15, 2026',
    );
    expect(within(exposure).getByText(/No exchange rate for EUR/)).toBeInTheDocument();
    const bands = within(exposure).getByTestId('exposure-bands');
    for (const text of ['No limit: 1', 'Below 50%: 1', '50% – 80%: 1', '80% – 90%: 1', '90% – 100%: 1', 'Over 100%: 1'])
      expect(within(bands).getByText(text)).toBeInTheDocument();
    const top = within(exposure).getByTestId('exposure-top');
    const first = within(top).getByText('Far East Fittings');
    expect(first.closest('a')).toHaveAttribute('href', '/customers/12?tab=credit');
    const row = first.closest('tr')!;
    expect(within(row).getByText('$10,500.00')).toBeInTheDocument();
    expect(within(row).getByText('of $10,000.00')).toBeInTheDocument();
    expect(within(row).getByText('105%')).toBeInTheDocument();
    expect(within(row).getByText('On hold')).toBeInTheDocument();
    expect(within(exposure).getByText('The 2 highest utilizations')).toBeInTheDocument();

    // Aging by region and the collections trend, each leading to its report.
    expect(within(screen.getByTestId('dashboard-aging')).getByTestId('aging-summary')).toHaveTextContent(
      'Open CN¥3,000.00, of which CN¥3,000.00 past due.',
    );
    const collections = screen.getByTestId('dashboard-collections');
    expect(within(collections).getByText('Collections trend, 2025-04 to 2026-03')).toBeInTheDocument();
    expect(within(collections).getByText('Details').closest('a')).toHaveAttribute('href', '/reports/receivables?tab=kpis');
    await waitFor(() => expect(screen.getAllByTestId('chart')).toHaveLength(5));
    expect(screen.getAllByTestId('chart').map((c) => c.textContent)).toEqual([
      'Customers by tier',
      'Customers by credit grade',
      'Accounts by utilization of their limit',
      'Aging by region, in CNY',
      'Collections trend, 2025-04 to 2026-03',
    ]);
  }, SLOW);

  it('asks for the chosen date', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales_manager']) }),
      'GET /api/v1/reports/dashboard': (req) => ({
        status: 200,
        body: dashboard(new URL(req.url).searchParams.get('as_of') ?? '2026-03-15'),
      }),
    });
    renderPage(<DashboardPage />);
    await screen.findByTestId('dashboard-exposure');
    const picker = screen.getByLabelText('As of');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: '2025-12-31' } });
    fireEvent.keyDown(picker, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.getByTestId('dashboard-summary')).toHaveTextContent('as of Dec 31, 2025'));
    const asked = calls.map((c) => new URL(c.url)).filter((u) => u.pathname === '/api/v1/reports/dashboard');
    expect(asked[asked.length - 1]!.searchParams.get('as_of')).toBe('2025-12-31');
    expect(screen.getByTestId('exposure-as-of')).toHaveTextContent('converted at the rates of Dec 31, 2025');
  }, SLOW);

  it('says what is wrong when the date is refused', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['executive']) }),
      'GET /api/v1/reports/dashboard': () => ({
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'no rate for USD on 2020-01-01', fields: { as_of: 'no rate for USD' } } },
      }),
    });
    renderPage(<DashboardPage />);
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByTestId('dashboard-exposure')).not.toBeInTheDocument();
  }, SLOW);
});

describe('the bands', () => {
  it('are labelled with the alert levels in force, in every band order', () => {
    const t = i18n.getFixedT('en');
    expect(UTILIZATION_BANDS.map((b) => bandLabel(t, b, { first_bp: 7000, second_bp: 9500 }, 'en'))).toEqual([
      'No limit',
      'Below 50%',
      '50% – 70%',
      '70% – 95%',
      '95% – 100%',
      'Over 100%',
    ]);
    expect(percentOf(8250, 'en')).toBe('82.5%');
    expect(percentOf(6847, 'es', 1)).toBe('68,5\u00a0%');
  });

  it('draw one bar per band in the server order, coloured from unused to breached', () => {
    const exposure = dashboard('2026-03-15').exposure;
    exposure.bands = exposure.bands.map((b, i) => ({ ...b, accounts: i }));
    const option = bandChartOption(exposure, (b) => b);
    expect(option.yAxis.data).toEqual([...UTILIZATION_BANDS]);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(option.series[0]!.data.map((d) => d.itemStyle.color)).toEqual(UTILIZATION_BANDS.map((b) => BAND_COLORS[b]));
  });
});

describe('the home page', () => {
  it('leads the readers of the reports to the dashboard, and not a salesperson', async () => {
    mockFetch({ 'GET /api/v1/auth/me': () => ({ status: 200, body: user(['regional_manager']) }) });
    const first = renderPage(<OverviewPage />);
    const card = await screen.findByTestId('home-dashboard');
    fireEvent.click(within(card).getByRole('button', { name: /Open the dashboard/ }));
    expect(await screen.findByTestId('elsewhere')).toBeInTheDocument();
    first.unmount();

    mockFetch({ 'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales']) }) });
    renderPage(<OverviewPage />);
    expect(await screen.findByText('Welcome, U')).toBeInTheDocument();
    expect(screen.queryByTestId('home-dashboard')).not.toBeInTheDocument();
  }, SLOW);
});
