import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { CreditTab, utilizationColor } from './CreditTab';

// Dialogs and forms of Ant Design take a few seconds in jsdom.
const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const money = (amount: string) => ({ amount, currency: 'CNY' });
const user = (roles: string[]) => ({ id: 3, username: 'u', display_name: 'U', roles, region: null, language: null, active: true });

const account = {
  customer_id: 7,
  currency: 'CNY',
  limit: money('100000.00'),
  term_days: 45,
  valid_from: '2026-01-01',
  valid_until: '2099-12-31',
  grade: 'II',
  score: 72,
  on_hold: false,
  hold_reason: null as string | null,
  report_date: '2026-06-30',
  receivables: money('60000.00'),
  reserved_orders: money('25000.50'),
  exposure: money('85000.50'),
  effective_limit: money('110000.00'),
  available: money('24999.50'),
  utilization_bp: 8500,
  oldest_overdue: null,
  exceptions: [{ id: 1, amount: money('10000.00'), start: '2026-01-01', end: '2099-01-31', reason: 'Peak season' }],
};

const orders = {
  items: [
    {
      id: 12,
      number: 'SO00000012',
      customer_id: 7,
      order_date: '2026-11-20',
      amount: money('3750.25'),
      prepayment: money('0.00'),
      rate: '1',
      status: 'credit_hold',
      reasons: ['over_limit'],
      copied_from: null,
      created_by: 3,
      created_at: '2026-11-20T08:00:00Z',
      released_by: null,
      released_at: null,
      release_reason: null,
      version: 1,
    },
  ],
  total: 1,
};

function answers(roles: string[], hold?: (req: Request) => { status: number; body?: unknown }, current = () => account) {
  return {
    'GET /api/v1/auth/me': () => ({ status: 200, body: user(roles) }),
    'GET /api/v1/customers/7/credit': () => ({ status: 200, body: current() }),
    'GET /api/v1/orders': () => ({ status: 200, body: orders }),
    ...(hold ? { 'POST /api/v1/customers/7/credit/hold': hold } : {}),
  };
}

describe('CreditTab', () => {
  it("shows the account, its exposure against the limit and the customer's latest orders", async () => {
    const calls = mockFetch(answers(['sales']));
    renderPage(<CreditTab customerId={7} />);
    expect(await screen.findByText('CN¥100,000.00')).toBeInTheDocument();
    expect(screen.getByText('45 days')).toBeInTheDocument();
    expect(screen.getByTestId('credit-grade')).toHaveTextContent('II · score 72');
    expect(screen.getByText('CN¥85,000.50')).toBeInTheDocument();
    expect(screen.getByTestId('credit-available')).toHaveTextContent('CN¥24,999.50');
    const bar = screen.getByTestId('credit-utilization');
    expect(bar).toHaveAttribute('data-bp', '8500');
    expect(bar).toHaveTextContent('85%');
    expect(bar).toHaveTextContent('80%');
    expect(bar).toHaveTextContent('90%');
    expect(screen.getByText('Peak season')).toBeInTheDocument();
    expect(screen.getByText('Active')).toBeInTheDocument();

    const link = await screen.findByRole('link', { name: 'SO00000012' });
    expect(link).toHaveAttribute('href', '/orders/12');
    expect(within(link.closest('tr')!).getByText('Over the credit limit')).toBeInTheDocument();
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/orders')!;
    expect(Object.fromEntries(asked.searchParams)).toEqual({ customer_id: '7', page: '1', page_size: '10' });

    // A salesperson enters orders but does not manage credit.
    await waitFor(() => expect(screen.getByTestId('credit-new-order')).toBeInTheDocument());
    expect(screen.queryByTestId('credit-hold')).not.toBeInTheDocument();
    expect(screen.queryByTestId('credit-exception')).not.toBeInTheDocument();
  }, SLOW);

  it('lets finance put the account on hold with a reason', async () => {
    let now = account;
    const calls = mockFetch(
      answers(
        ['finance'],
        () => {
          now = { ...account, on_hold: true, hold_reason: 'Bounced cheque' };
          return { status: 200, body: now };
        },
        () => now,
      ),
    );
    renderPage(<CreditTab customerId={7} />);
    fireEvent.click(await screen.findByTestId('credit-hold'));
    expect(screen.queryByTestId('credit-new-order')).not.toBeInTheDocument();
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Put on hold' }));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Bounced cheque' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Put on hold' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({ on_hold: true, reason: 'Bounced cheque' });
    expect(await screen.findByTestId('credit-on-hold')).toHaveTextContent('Bounced cheque');
    expect(screen.getByTestId('credit-hold')).toHaveTextContent('Take off hold');
  }, SLOW);
});

describe('utilizationColor', () => {
  it('turns orange at 80 % and red at 90 %', () => {
    expect(utilizationColor(7999)).toBe('#52c41a');
    expect(utilizationColor(8000)).toBe('#faad14');
    expect(utilizationColor(8999)).toBe('#faad14');
    expect(utilizationColor(9000)).toBe('#ff4d4f');
  });
});
