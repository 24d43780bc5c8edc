import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import ReceivablesPage from './ReceivablesPage';

// ECharts needs a canvas; the page's options are checked in charts.test.ts.
vi.mock('@/components/Chart', () => ({
  default: ({ label }: { label: string }) => <div data-testid="chart">{label}</div>,
}));

const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const me = { id: 3, username: 'sales.e', display_name: '张伟', roles: ['sales'], region: 'east', language: null, active: true };

const amounts = (a: Partial<Record<string, string>>) => ({
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

function aging(groupBy: string, asOf: string) {
  if (asOf < '2026-01-01')
    return {
      as_of: asOf, group_by: groupBy, base_currency: 'CNY', buckets: ['not_due', 'd1_30', 'd31_60', 'd61_90', 'over_90'],
      rows: [], total: amounts({}), currencies: [], unconverted: [],
      note: 'no invoice was issued on or before 2025-06-30; the first is dated 2026-01-01',
    };
  const rows =
    groupBy === 'region'
      ? [{ key: 'east', label: 'east', customers: 2, amounts: amounts({ d1_30: '1200.00', not_due: '200.00', total: '1400.00' }), currencies: [] }]
      : [
          { key: '7', label: '账龄测试阀门有限公司', code: 'C000007', customers: 1, amounts: amounts({ not_due: '200.00', d1_30: '700.00', total: '900.00' }), currencies: [] },
          { key: '8', label: '账龄测试管件有限公司', code: 'C000008', customers: 1, amounts: amounts({ d1_30: '500.00', total: '500.00' }), currencies: [] },
        ];
  return {
    as_of: asOf, group_by: groupBy, base_currency: 'CNY', buckets: ['not_due', 'd1_30', 'd31_60', 'd61_90', 'over_90'],
    rows,
    total: amounts({ not_due: '200.00', d1_30: '1200.00', total: '1400.00', past_due: '1200.00' }),
    currencies: [{ ...amounts({ not_due: '200.00', d1_30: '1200.00', total: '1400.00' }), rate: '1.0' }],
    unconverted: [],
    note: null,
  };
}

const kpis = {
  from: '2026-01', to: '2026-02', base_currency: 'CNY', unconverted: [],
  notes: ['no write-off is recorded in these months: the bad-debt ratio counts write-offs allocated to invoices, so it is 0'],
  months: [
    { month: '2026-01', dso_days: 31, collection_rate_bp: 2857, fulfilment_rate_bp: null, overdue_ratio_bp: 3181, bad_debt_ratio_bp: 0,
      totals: { currency: 'CNY', invoiced: '2200.00', open: '2200.00', overdue: '700.00', due: '1700.00', collected: '0.00', ordered: '0.00', fulfilled: '0.00', written_off: '0.00' } },
    { month: '2026-02', dso_days: 121, collection_rate_bp: 1363, fulfilment_rate_bp: 8333, overdue_ratio_bp: 7692, bad_debt_ratio_bp: 0,
      totals: { currency: 'CNY', invoiced: '300.00', open: '1900.00', overdue: '1700.00', due: '2200.00', collected: '300.00', ordered: '0.00', fulfilled: '0.00', written_off: '0.00' } },
  ],
};

function answers() {
  return {
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/regions': () => ({ status: 200, body: { items: [{ code: 'east', name: 'East China' }] } }),
    'GET /api/v1/reports/aging': (req: Request) => {
      const q = new URL(req.url).searchParams;
      return { status: 200, body: aging(q.get('group_by') ?? 'customer', q.get('as_of') ?? '') };
    },
    'GET /api/v1/reports/kpis': () => ({ status: 200, body: kpis }),
  };
}

const agingCalls = (calls: Request[]) => calls.filter((c) => c.url.includes('/reports/aging')).map((c) => new URL(c.url).searchParams);

describe('ReceivablesPage', () => {
  it('shows the aging by customer with its buckets, total row, chart and currencies, as of today', async () => {
    const calls = mockFetch(answers());
    renderPage(<ReceivablesPage />);
    const table = await screen.findByTestId('aging-table');
    await within(table).findByText('账龄测试阀门有限公司');
    expect(within(table).getByText('C000007')).toBeInTheDocument();
    expect(within(table).getByText('700.00')).toBeInTheDocument();
    const total = within(table).getByTestId('aging-total');
    expect(within(total).getByText('1,400.00')).toBeInTheDocument();
    expect(within(total).getByText('1,200.00')).toBeInTheDocument();
    expect(await screen.findByTestId('chart')).toHaveTextContent('Buckets of the 2 largest');
    expect(within(screen.getByTestId('aging-currencies')).getByText('1.0')).toBeInTheDocument();
    const sent = agingCalls(calls)[0]!;
    expect(sent.get('group_by')).toBe('customer');
    expect(sent.get('as_of')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.getAllByText('Over 90 days').length).toBeGreaterThan(0);
  }, SLOW);

  it('groups by region with the region names and customer counts', async () => {
    const calls = mockFetch(answers());
    renderPage(<ReceivablesPage />);
    await screen.findByText('账龄测试阀门有限公司');
    fireEvent.click(within(screen.getByTestId('aging-group-by')).getByText('Region'));
    const table = screen.getByTestId('aging-table');
    await within(table).findByText('East China');
    const sent = agingCalls(calls);
    expect(sent[sent.length - 1]!.get('group_by')).toBe('region');
    expect(within(table).getAllByText('2').length).toBeGreaterThan(0);
  }, SLOW);

  it('says why the report is empty before any invoice', async () => {
    mockFetch(answers());
    renderPage(<ReceivablesPage />);
    await screen.findByText('账龄测试阀门有限公司');
    const picker = screen.getByLabelText('As of');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: '2025-06-30' } });
    fireEvent.keyDown(picker, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(await screen.findByTestId('aging-note')).toHaveTextContent('the first is dated 2026-01-01');
    expect(within(screen.getByTestId('aging-table')).getByText('Nothing open')).toBeInTheDocument();
  }, SLOW);

  it('shows the monthly KPIs, their trend and the notes on the KPI tab', async () => {
    const calls = mockFetch(answers());
    renderPage(<ReceivablesPage />, { path: '/?tab=kpis' });
    const table = await screen.findByTestId('kpi-table');
    await within(table).findByText('2026-01');
    expect(within(table).getByText('28.6 %')).toBeInTheDocument();
    expect(within(table).getByText('83.3 %')).toBeInTheDocument();
    expect(within(table).getByText('121')).toBeInTheDocument();
    expect(within(table).getAllByText('2,200.00')).toHaveLength(3); // January's invoiced and open, February's due
    expect(screen.getByText(/no write-off is recorded/)).toBeInTheDocument();
    expect(await screen.findByTestId('chart')).toHaveTextContent('Trend');
    const sent = calls.filter((c) => c.url.includes('/reports/kpis')).map((c) => new URL(c.url).searchParams)[0]!;
    expect(sent.get('from')).toMatch(/^\d{4}-\d{2}$/);
    expect(sent.get('to')).toMatch(/^\d{4}-\d{2}$/);
    await waitFor(() => expect(calls.some((c) => c.url.includes('/reports/aging'))).toBe(false));
  }, SLOW);
});
