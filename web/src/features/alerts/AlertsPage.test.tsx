import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { AlertsBell } from './AlertsBell';
import AlertsPage from './AlertsPage';
import type { Alert } from './messages';

beforeAll(() => initTestI18n());
beforeEach(() => localStorage.clear());

const alerts: Alert[] = [
  {
    id: 12,
    kind: 'leak_reads',
    day: '2026-11-22',
    customer: null,
    subject: { id: 3, username: 'zhang.wei' },
    params: { rule: 'multiple', count: 120, baseline_sum: 120, baseline_days: 30, threshold: 20 },
    created_at: '2026-11-23T01:00:00Z',
    read_at: null,
  },
  {
    id: 11,
    kind: 'pool_return',
    day: '2026-11-29',
    customer: { id: 7, code: 'C2026000007', name: 'Acme Ltd' },
    subject: null,
    params: { days_left: 7 },
    created_at: '2026-11-22T01:00:00Z',
    read_at: null,
  },
];

const list = (req: Request) => {
  const unread = new URL(req.url).searchParams.get('unread') === 'true';
  return { status: 200, body: { items: alerts, total: alerts.length, unread: unread ? alerts.length : 2 } };
};

const gets = (calls: Request[]) => calls.filter((c) => c.method === 'GET' && new URL(c.url).pathname === '/api/v1/alerts');

describe('AlertsPage', () => {
  it('lists the alerts with their messages, newest first as sent, one page at a time', async () => {
    const calls = mockFetch({ 'GET /api/v1/alerts': list });
    renderPage(<AlertsPage />);
    expect(await screen.findByText('zhang.wei read 120 customer files on Nov 22, 2026, usual is 4 a day (threshold 20)')).toBeInTheDocument();
    expect(screen.getByText(/Acme Ltd \(C2026000007\) returns to the region's pool/)).toBeInTheDocument();
    const url = new URL(gets(calls)[0]!.url);
    expect(url.searchParams.get('page')).toBe('1');
    expect(url.searchParams.get('page_size')).toBe('50');
    expect(url.searchParams.has('unread')).toBe(false);
  });

  it('asks for the unread ones only when told to', async () => {
    const calls = mockFetch({ 'GET /api/v1/alerts': list });
    renderPage(<AlertsPage />);
    fireEvent.click(await screen.findByLabelText('Unread only'));
    await waitFor(() => expect(gets(calls).some((c) => new URL(c.url).searchParams.get('unread') === 'true')).toBe(true));
  });

  it('marks all alerts read and reloads the list', async () => {
    const calls = mockFetch({
      'GET /api/v1/alerts': list,
      'POST /api/v1/alerts/read-all': () => ({ status: 204 }),
    });
    renderPage(<AlertsPage />);
    const button = await screen.findByTestId('alerts-read-all');
    await waitFor(() => expect(button).toBeEnabled());
    const before = gets(calls).length;
    fireEvent.click(button);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/api/v1/alerts/read-all'))).toBe(true));
    await waitFor(() => expect(gets(calls).length).toBeGreaterThan(before));
  });

  it('marks one alert read', async () => {
    const calls = mockFetch({
      'GET /api/v1/alerts': list,
      'POST /api/v1/alerts/12/read': () => ({ status: 204 }),
    });
    renderPage(<AlertsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark read (alert #12)' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/api/v1/alerts/12/read'))).toBe(true));
  });
});

describe('AlertsBell', () => {
  it('counts the unread alerts, and a chosen one is marked read and opened', async () => {
    const calls = mockFetch({
      'GET /api/v1/alerts': list,
      'POST /api/v1/alerts/11/read': () => ({ status: 204 }),
    });
    renderPage(<AlertsBell />);
    const bell = await screen.findByRole('button', { name: 'Alerts: 2 unread' });
    expect(bell).toHaveAttribute('data-testid', 'alerts');
    const url = new URL(gets(calls)[0]!.url);
    expect(url.searchParams.get('unread')).toBe('true');
    fireEvent.click(bell);
    fireEvent.click(await screen.findByText(/Acme Ltd \(C2026000007\) returns/));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/api/v1/alerts/11/read'))).toBe(true));
    expect(await screen.findByTestId('elsewhere')).toBeInTheDocument();
  });
});
