import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { customer, held, money, order } from '../test/fixtures';
import OrderListPage, { paramsFromSearch } from './OrderListPage';

beforeAll(() => initTestI18n());
beforeEach(() => localStorage.clear());

const orders = [
  held({ id: 12, number: 'SO00000012', amount: money('3750.25') }),
  order({ id: 11, number: 'SO00000011', customer_id: 8, status: 'released', reasons: ['over_limit'] }),
];

const listRequests = (calls: Request[]) =>
  calls.map((c) => new URL(c.url)).filter((u) => u.pathname === '/api/v1/orders');

describe('OrderListPage', () => {
  it('asks for the page of orders the address names and shows them with their state and reasons', async () => {
    const calls = mockFetch({
      'GET /api/v1/orders': () => ({ status: 200, body: { items: orders, total: 42 } }),
      'GET /api/v1/customers/7': () => ({ status: 200, body: customer }),
    });
    renderPage(<OrderListPage />, { path: '/orders?status=credit_hold&customer_id=7&page=2', route: '/orders' });

    const link = await screen.findByRole('link', { name: 'SO00000012' });
    expect(link).toHaveAttribute('href', '/orders/12');
    const asked = listRequests(calls)[0]!;
    expect(Object.fromEntries(asked.searchParams)).toEqual({ status: 'credit_hold', customer_id: '7', page: '2', page_size: '20' });

    const row = link.closest('tr')!;
    expect(within(row).getByRole('link', { name: 'Customer #7' })).toHaveAttribute('href', '/customers/7');
    expect(within(row).getByText('CN¥3,750.25')).toBeInTheDocument();
    expect(within(row).getByText('Nov 20, 2026')).toBeInTheDocument();
    expect(within(row).getByTestId('status-credit_hold')).toHaveTextContent('Credit hold');
    expect(within(row).getByText('Over the credit limit')).toBeInTheDocument();
    expect(within(row).getByText('Prepayment required')).toBeInTheDocument();
    expect(within(row).getByText('No limit in force')).toBeInTheDocument();
    expect(screen.getByTestId('status-released')).toHaveTextContent('Released');
    expect(screen.getByText('Total: 42')).toBeInTheDocument();
    // The customer filter names the chosen customer.
    await waitFor(() => expect(screen.getByText('Acme Ltd (C2026000007)')).toBeInTheDocument());
  });

  it('asks for every order, newest first, without filters', async () => {
    const calls = mockFetch({ 'GET /api/v1/orders': () => ({ status: 200, body: { items: [], total: 0 } }) });
    renderPage(<OrderListPage />, { path: '/orders', route: '/orders' });
    expect(await screen.findByText('No orders')).toBeInTheDocument();
    expect(Object.fromEntries(listRequests(calls)[0]!.searchParams)).toEqual({ page: '1', page_size: '20' });
  });
});

describe('paramsFromSearch', () => {
  it('keeps known statuses, customer ids and page sizes, and drops the rest', () => {
    expect(paramsFromSearch(new URLSearchParams('status=bogus&customer_id=-3&page=0&page_size=1000'))).toEqual({
      page: 1,
      page_size: 20,
    });
    expect(paramsFromSearch(new URLSearchParams('status=invoiced&customer_id=9&page=3&page_size=50'))).toEqual({
      status: 'invoiced',
      customer_id: 9,
      page: 3,
      page_size: 50,
    });
  });
});
