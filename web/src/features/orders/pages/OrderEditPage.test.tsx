import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { account, order } from '../test/fixtures';
import OrderEditPage from './OrderEditPage';

// Dialogs and forms of Ant Design take a few seconds in jsdom.
const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => localStorage.clear());

const open = () => renderPage(<OrderEditPage />, { path: '/orders/5/edit', route: '/orders/:id/edit' });

describe('OrderEditPage', () => {
  it('sends the lines with the version loaded, and on a conflict says so and loads the current order', async () => {
    let version = 1;
    const calls = mockFetch({
      'GET /api/v1/orders/5': () => ({ status: 200, body: order({ version }) }),
      'GET /api/v1/customers/7/credit': () => ({ status: 200, body: account }),
      'PATCH /api/v1/orders/5': () => {
        version = 2; // someone else amended it first
        return { status: 409, body: { error: { code: 'conflict', message: 'order SO00000005 has changed since version 1' } } };
      },
    });
    open();
    const quantity = await screen.findByLabelText('Quantity, line 1');
    expect(quantity).toHaveValue('12');
    fireEvent.change(quantity, { target: { value: '10' } });
    await waitFor(() => expect(screen.getByTestId('order-total')).toHaveTextContent('CN¥15,000.00'));
    fireEvent.click(screen.getByTestId('order-submit'));

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"1"');
    expect(await patch.clone().json()).toEqual({
      order_date: '2026-11-20',
      currency: 'CNY',
      lines: [{ product: 'Ball valve', model: 'DN50', quantity: '10', unit_price: '1500.00' }],
    });

    expect((await screen.findAllByText('Order SO00000005 has changed')).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/has changed since version 1/).length).toBeGreaterThan(0);
    const gets = () => calls.filter((c) => c.method === 'GET' && new URL(c.url).pathname === '/api/v1/orders/5').length;
    const before = gets();
    fireEvent.click(screen.getByRole('button', { name: 'Load the current order' }));
    await waitFor(() => expect(gets()).toBeGreaterThan(before));
    expect(await screen.findByText('Version 2')).toBeInTheDocument();
    expect(screen.getByLabelText('Quantity, line 1')).toHaveValue('12');
  }, SLOW);
});
