import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import FxRatesPage from './FxRatesPage';

// Forms of Ant Design take a few seconds in jsdom.
const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const user = (roles: string[]) => ({ id: 3, username: 'u', display_name: 'U', roles, region: null, language: null, active: true });

const rates = [
  { currency: 'EUR', day: '2026-01-01', rate: '7.8', updated_at: '2026-01-01T08:00:00Z', updated_by: 1 },
  { currency: 'USD', day: '2099-01-01', rate: '7.5', updated_at: '2026-11-01T08:00:00Z', updated_by: 1 },
  { currency: 'USD', day: '2026-11-01', rate: '7.1234', updated_at: '2026-11-01T08:00:00Z', updated_by: 1 },
  { currency: 'USD', day: '2026-01-01', rate: '7.05', updated_at: '2026-01-01T08:00:00Z', updated_by: 1 },
];

const RATE_INVALID = 'A number above zero such as 7.1234, with a decimal point and at most 8 decimals';

function answers(roles: string[], post?: (req: Request) => { status: number; body?: unknown }) {
  return {
    'GET /api/v1/auth/me': () => ({ status: 200, body: user(roles) }),
    'GET /api/v1/fx-rates': (req: Request) => {
      const currency = new URL(req.url).searchParams.get('currency');
      return { status: 200, body: { base: 'CNY', items: rates.filter((r) => !currency || r.currency === currency) } };
    },
    ...(post ? { 'POST /api/v1/fx-rates': post } : {}),
  };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const posts = (calls: Request[]) => calls.filter((c) => c.method === 'POST');

// A form message appears after Ant Design's motion deadline (half a second), and a submit validates the
// field again: each refusal is checked on a fresh form, its message as typed, then its submit.
const MESSAGE = { timeout: 4000 };
const settle = () => act(() => new Promise((r) => setTimeout(r, 300)));
const today = () => dayjs().format('YYYY-MM-DD');

describe('FxRatesPage', () => {
  it.each([
    ['Rate', '7,1', RATE_INVALID],
    ['Rate', '0', RATE_INVALID],
    ['Rate', '1.123456789', RATE_INVALID],
    ['Currency', 'U1', 'A currency code of 3 capital letters, such as USD'],
    ['Currency', 'cny', 'CNY is the base currency: it has no rate'],
  ])('refuses the %s "%s" before sending', async (field, value, error) => {
    const calls = mockFetch(answers(['finance'], () => ({ status: 201, body: { currency: 'USD', day: today(), rate: '7.1' } })));
    renderPage(<FxRatesPage />);
    await waitFor(() => expect(screen.getByTestId('fx-base')).toHaveTextContent('CNY'));
    await screen.findByTestId('fx-form');
    type('Currency', field === 'Currency' ? value : 'USD');
    type('Rate', field === 'Rate' ? value : '7.1');
    expect(await screen.findByText(error, {}, MESSAGE)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('fx-save'));
    await settle();
    expect(screen.getByLabelText(field)).toHaveAttribute('aria-invalid', 'true');
    expect(posts(calls)).toHaveLength(0);
  }, SLOW);

  it('sends the code in capitals, the day (today unless changed) and the rate as typed, and reads the list again', async () => {
    const calls = mockFetch(answers(['finance'], () => ({ status: 201, body: { currency: 'USD', day: today(), rate: '7.1234' } })));
    renderPage(<FxRatesPage />);
    await waitFor(() => expect(screen.getByTestId('fx-base')).toHaveTextContent('CNY'));
    await screen.findByTestId('fx-form');
    type('Currency', 'usd');
    expect(screen.getByLabelText('Currency')).toHaveValue('USD');
    type('Rate', ' 7.1234 ');
    fireEvent.click(screen.getByTestId('fx-save'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(await posts(calls)[0]!.clone().json()).toEqual({ currency: 'USD', day: today(), rate: '7.1234' });
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.url.includes('/fx-rates')).length).toBe(2));
    expect(screen.getByLabelText('Rate')).toHaveValue('');
  }, SLOW);

  it("puts the server's field errors on the inputs", async () => {
    const calls = mockFetch(
      answers(['admin'], () => ({
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'invalid', fields: { currency: 'unknown currency XYZ' } } },
      })),
    );
    renderPage(<FxRatesPage />);
    await waitFor(() => expect(screen.getByTestId('fx-base')).toHaveTextContent('CNY'));
    await screen.findByTestId('fx-form');
    type('Currency', 'XYZ');
    type('Rate', '1.5');
    fireEvent.click(screen.getByTestId('fx-save'));
    expect(await screen.findByText('unknown currency XYZ', {}, MESSAGE)).toBeInTheDocument();
    expect(await posts(calls)[0]!.clone().json()).toEqual({ currency: 'XYZ', day: today(), rate: '1.5' });
  }, SLOW);

  it('lists the rates to a role without fx.manage, without the form, and filters them by currency', async () => {
    const calls = mockFetch(answers(['sales']));
    renderPage(<FxRatesPage />);
    await waitFor(() => expect(screen.getByTestId('fx-base')).toHaveTextContent('CNY'));
    const current = (await screen.findByText('7.1234')).closest('tr')!;
    expect(within(current).getByText('USD')).toBeInTheDocument();
    expect(within(current).getByText('Nov 1, 2026')).toBeInTheDocument();
    expect(within(current).getByText('In force today')).toBeInTheDocument();
    expect(within(screen.getByText('7.5').closest('tr')!).getByText('Upcoming')).toBeInTheDocument();
    expect(within(screen.getByText('7.05').closest('tr')!).queryByText('In force today')).not.toBeInTheDocument();
    expect(screen.getByText('7.8')).toBeInTheDocument();
    expect(screen.queryByTestId('fx-form')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Rate')).not.toBeInTheDocument();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Filter by currency' }));
    fireEvent.click(await screen.findByTitle('EUR'));
    await waitFor(() => expect(screen.queryByText('7.1234')).not.toBeInTheDocument());
    expect(screen.getByText('7.8')).toBeInTheDocument();
    const asked = calls.map((c) => new URL(c.url)).filter((u) => u.pathname === '/api/v1/fx-rates');
    expect(asked.map((u) => u.searchParams.get('currency'))).toEqual([null, 'EUR']);
  }, SLOW);
});
