import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { account, customer, held, money } from '../test/fixtures';
import NewOrderPage from './NewOrderPage';

// Dialogs and forms of Ant Design take a few seconds in jsdom.
const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => localStorage.clear());

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

const placed = held({
  id: 31,
  number: 'SO00000031',
  amount: money('3753.75'),
  credit_check: {
    outcome: 'credit_hold',
    reasons: ['over_limit', 'prepayment_required', 'limit_expired'],
    credit_part: money('3753.75'),
    exposure_before: money('120.00'),
    effective_limit: money('0.00'),
    available: money('-120.00'),
  },
});

function answers(post: (req: Request) => { status: number; body?: unknown }) {
  return {
    'GET /api/v1/customers/7': () => ({ status: 200, body: customer }),
    'GET /api/v1/customers/7/credit': () => ({ status: 200, body: account }),
    'POST /api/v1/orders': post,
  };
}

describe('NewOrderPage', () => {
  it('shows exact line amounts as typed, sends the order and explains the credit hold it got', async () => {
    const calls = mockFetch(answers(() => ({ status: 201, body: placed })));
    renderPage(<NewOrderPage />, { path: '/orders/new?customer_id=7', route: '/orders/new' });
    expect(await screen.findByText('Empty: the account currency, CNY')).toBeInTheDocument();

    type('Product, line 1', 'Ball valve');
    type('Quantity, line 1', '2.5');
    type('Unit price, line 1', '1500.10');
    await waitFor(() => expect(screen.getByTestId('line-amount-0')).toHaveTextContent('CN¥3,750.25'));

    fireEvent.click(screen.getByTestId('order-add-line'));
    type('Product, line 2', 'Seal ');
    type('Model, line 2', 'S-2');
    type('Quantity, line 2', '10');
    type('Unit price, line 2', '0.35');
    await waitFor(() => expect(screen.getByTestId('order-total')).toHaveTextContent('CN¥3,753.75'));
    type('Prepayment', '753.75');
    await waitFor(() => expect(screen.getByTestId('order-credit-part')).toHaveTextContent('CN¥3,000.00'));

    fireEvent.click(screen.getByTestId('order-submit'));
    const result = await screen.findByTestId('order-result');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.clone().json()).toEqual({
      customer_id: 7,
      prepayment: '753.75',
      lines: [
        { product: 'Ball valve', quantity: '2.5', unit_price: '1500.10' },
        { product: 'Seal', model: 'S-2', quantity: '10', unit_price: '0.35' },
      ],
    });

    expect(result).toHaveAttribute('data-outcome', 'credit_hold');
    expect(within(result).getByText('Order SO00000031 is on credit hold')).toBeInTheDocument();
    const reason = within(result).getByTestId('reason-prepayment_required');
    expect(reason).toHaveTextContent('Prepayment required');
    expect(reason).toHaveTextContent(/credit grade requires payment in advance/);
    expect(within(result).getByTestId('reason-over_limit')).toHaveTextContent(/more than the effective limit/);
    const check = within(result).getByTestId('credit-check');
    expect(check).toHaveTextContent('Credit part of the orderCN¥3,753.75');
    expect(check).toHaveTextContent('Available before the order-CN¥120.00');
    expect(check).toHaveTextContent('Exposure before the orderCN¥120.00');
    expect(screen.getByTestId('order-open')).toHaveTextContent('Open order SO00000031');
  }, SLOW);

  it('says approved in green when the check passes', async () => {
    mockFetch(
      answers(() => ({
        status: 201,
        body: {
          ...placed,
          status: 'approved',
          reasons: [],
          credit_check: { ...placed.credit_check!, outcome: 'approved', reasons: [], available: money('50000.00') },
        },
      })),
    );
    renderPage(<NewOrderPage />, { path: '/orders/new?customer_id=7', route: '/orders/new' });
    await screen.findByText('Empty: the account currency, CNY');
    type('Product, line 1', 'Ball valve');
    type('Quantity, line 1', '1');
    type('Unit price, line 1', '10');
    fireEvent.click(screen.getByTestId('order-submit'));
    const result = await screen.findByTestId('order-result');
    expect(result).toHaveAttribute('data-outcome', 'approved');
    expect(result).toHaveClass('ant-alert-success');
    expect(within(result).getByText('Order SO00000031 is approved')).toBeInTheDocument();
    expect(within(result).queryByTestId('hold-reasons')).not.toBeInTheDocument();
  }, SLOW);

  it('sends nothing while a quantity has more than three decimals, and shows the server field errors on the line', async () => {
    const calls = mockFetch(
      answers(() => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_argument',
            message: 'invalid',
            fields: { 'lines[0].unit_price': 'no exchange rate for USD on or before 2026-11-20' },
          },
        },
      })),
    );
    renderPage(<NewOrderPage />, { path: '/orders/new?customer_id=7', route: '/orders/new' });
    await screen.findByText('Empty: the account currency, CNY');
    type('Product, line 1', 'Ball valve');
    type('Quantity, line 1', '1.2345');
    type('Unit price, line 1', '10');
    fireEvent.click(screen.getByTestId('order-submit'));
    expect(await screen.findByText('More than zero, with at most 3 decimals')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    type('Quantity, line 1', '1.234');
    fireEvent.click(screen.getByTestId('order-submit'));
    expect(await screen.findByText('no exchange rate for USD on or before 2026-11-20')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  }, SLOW);
});
