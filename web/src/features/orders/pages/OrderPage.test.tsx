import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { held, order, user } from '../test/fixtures';
import OrderPage from './OrderPage';

// Dialogs and forms of Ant Design take a few seconds in jsdom.
const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const open = () => renderPage(<OrderPage />, { path: '/orders/5', route: '/orders/:id' });

describe('OrderPage', () => {
  it('shows the order with its reasons explained', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales']) }),
      'GET /api/v1/orders/5': () => ({ status: 200, body: held() }),
    });
    open();
    expect(await screen.findByTestId('order-number')).toHaveTextContent('SO00000005');
    expect(screen.getByText('On credit hold because:')).toBeInTheDocument();
    expect(screen.getByTestId('reason-limit_expired')).toHaveTextContent(/No credit limit is in force on the order date/);
    expect(screen.getByText('Ball valve')).toBeInTheDocument();
    expect(screen.getByTestId('order-amount')).toHaveTextContent('CN¥18,000.00');
  }, SLOW);

  it('offers a salesperson amend, copy and cancel, but not release or invoice', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales']) }),
      'GET /api/v1/orders/5': () => ({ status: 200, body: held() }),
    });
    open();
    expect(await screen.findByTestId('order-amend')).toBeInTheDocument();
    expect(screen.getByTestId('order-copy')).toBeInTheDocument();
    expect(screen.getByTestId('order-cancel')).toBeInTheDocument();
    expect(screen.queryByTestId('order-release')).not.toBeInTheDocument();
    expect(screen.queryByTestId('order-invoice')).not.toBeInTheDocument();
  }, SLOW);

  it('lets finance release a held order only with a written reason', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance']) }),
      'GET /api/v1/orders/5': () => ({ status: 200, body: held() }),
      'POST /api/v1/orders/5/release': () => ({
        status: 200,
        body: held({
          status: 'released',
          version: 2,
          released_by: 3,
          released_at: '2026-11-21T09:00:00Z',
          release_reason: 'Paid by wire this morning',
        }),
      }),
    });
    open();
    expect(screen.queryByTestId('order-amend')).not.toBeInTheDocument();
    fireEvent.click(await screen.findByTestId('order-release'));
    expect(await screen.findByText('Release order SO00000005 from credit hold')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('release-dialog-ok'));
    expect(await screen.findByText('Write a reason')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('release-dialog-reason'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('release-dialog-ok'));
    await waitFor(() => expect(screen.getByText('Write a reason')).toBeInTheDocument());
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByTestId('release-dialog-reason'), { target: { value: ' Paid by wire this morning ' } });
    fireEvent.click(screen.getByTestId('release-dialog-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.clone().json()).toEqual({ reason: 'Paid by wire this morning' });
    expect(await screen.findByTestId('order-release-info')).toHaveTextContent('Paid by wire this morning');
    expect(screen.getByTestId('status-released')).toBeInTheDocument();
    expect(screen.queryByTestId('order-release')).not.toBeInTheDocument();
  }, SLOW);

  it('lets finance invoice an approved order', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance']) }),
      'GET /api/v1/orders/5': () => ({ status: 200, body: order() }),
      'POST /api/v1/invoices': () => ({
        status: 201,
        body: {
          id: 9,
          number: 'INV00000009',
          customer_id: 7,
          order_id: 5,
          issue_date: '2026-11-21',
          due_date: '2026-12-21',
          amount: { amount: '18000.00', currency: 'CNY' },
          open: { amount: '18000.00', currency: 'CNY' },
          rate: '1',
          created_at: '2026-11-21T09:00:00Z',
        },
      }),
    });
    open();
    fireEvent.click(await screen.findByTestId('order-invoice'));
    fireEvent.click(await screen.findByRole('button', { name: 'OK' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({ order_id: 5 });
    expect(await screen.findByTestId('order-invoice-issued')).toHaveTextContent('Invoice INV00000009 issued, due Dec 21, 2026');
  }, SLOW);
});
