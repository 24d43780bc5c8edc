import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { account, application, customer, user } from '../test/fixtures';
import NewApplicationPage from './NewApplicationPage';

// Dialogs and forms of Ant Design take a few seconds in jsdom.
const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function answers(post: (req: Request) => { status: number; body?: unknown }) {
  return {
    'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales'], 3) }),
    'GET /api/v1/customers/7': () => ({ status: 200, body: customer }),
    'GET /api/v1/customers/7/credit': () => ({ status: 200, body: account }),
    'POST /api/v1/credit-applications': post,
  };
}

const open = () => renderPage(<NewApplicationPage />, { path: '/credit-applications/new?customer_id=7', route: '/credit-applications/new' });

describe('NewApplicationPage', () => {
  it('sends the customer, the limit in the account currency and only the terms given', async () => {
    const calls = mockFetch(answers(() => ({ status: 201, body: application({ id: 31 }) })));
    open();
    expect(await screen.findByText('Empty: the account currency, CNY')).toBeInTheDocument();
    expect(screen.getByText("Empty: the account's term, 30 days")).toBeInTheDocument();
    expect(screen.getByTestId('application-current')).toHaveTextContent('CN¥20,000.00');
    await waitFor(() => expect(screen.getByText('Acme Ltd (C2026000007)')).toBeInTheDocument());

    fireEvent.click(screen.getByTestId('application-submit'));
    await waitFor(() => expect(screen.getAllByText('Required')).toHaveLength(2)); // the limit and the reason
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    type('Requested limit', '1500000.50');
    type('Payment term (days)', '60');
    type('Reason', '  New framework contract  ');
    fireEvent.click(screen.getByTestId('application-submit'));
    await waitFor(() => expect(screen.getByTestId('elsewhere')).toBeInTheDocument());
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({
      customer_id: 7,
      limit: { amount: '1500000.50' },
      term_days: 60,
      reason: 'New framework contract',
    });
  }, SLOW);

  it('sends another currency, the grade and the report date, and shows the server field errors on the inputs', async () => {
    const calls = mockFetch(
      answers(() => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_argument',
            message: 'invalid',
            fields: { limit: '10.00 USD is below the current exposure 20.00 USD' },
          },
        },
      })),
    );
    open();
    await screen.findByText('Empty: the account currency, CNY');
    type('Requested limit', '10');
    type('Currency', 'usd');
    type('Reason', 'Export business');
    fireEvent.mouseDown(screen.getByLabelText('Credit grade'));
    fireEvent.click(await screen.findByTitle('I'));
    const date = screen.getByLabelText('Credit report date');
    fireEvent.mouseDown(date);
    fireEvent.focus(date);
    fireEvent.change(date, { target: { value: '2026-11-01' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(screen.getByTestId('application-submit'));
    expect(await screen.findByText('10.00 USD is below the current exposure 20.00 USD')).toBeInTheDocument();
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({
      customer_id: 7,
      limit: { amount: '10', currency: 'USD' },
      grade: 'I',
      report_date: '2026-11-01',
      reason: 'Export business',
    });
  }, SLOW);
});
