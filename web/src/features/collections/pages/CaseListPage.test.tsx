import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { summary, user, writeOff } from '../test/fixtures';
import CaseListPage, { stateFromSearch } from './CaseListPage';

const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const requests = (calls: Request[], path: string) => calls.map((c) => new URL(c.url)).filter((u) => u.pathname === path);

describe('CaseListPage', () => {
  it('keeps the view, stage and page in the address', () => {
    expect(stateFromSearch(new URLSearchParams(''))).toEqual({
      view: 'mine',
      params: { page: 1, page_size: 20, mine: 'true', status: 'open' },
    });
    expect(stateFromSearch(new URLSearchParams('view=open&stage=legal&page=2')).params).toEqual({
      page: 2,
      page_size: 20,
      status: 'open',
      stage: 'legal',
    });
    expect(stateFromSearch(new URLSearchParams('view=closed&stage=legal')).params).toEqual({ page: 1, page_size: 20, status: 'closed' });
    expect(stateFromSearch(new URLSearchParams('view=nonsense&stage=court')).view).toBe('mine');
  });

  it('lists my open cases with their stage and broken promises, and filters by stage', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales']) }),
      'GET /api/v1/collection-cases': () => ({
        status: 200,
        body: { items: [summary({ broken_promises: 2 }), summary({ id: 6, stage: 'legal', customer_name: 'Beta Co' })], total: 2 },
      }),
    });
    renderPage(<CaseListPage />, { path: '/collection-cases', route: '/collection-cases' });
    const link = await screen.findByRole('link', { name: '#5' });
    expect(link).toHaveAttribute('href', '/collection-cases/5');
    const row = link.closest('tr')!;
    expect(within(row).getByTestId('stage-warning')).toHaveTextContent('Warning');
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(screen.getByTestId('stage-legal')).toHaveTextContent('Legal');
    expect(Object.fromEntries(requests(calls, '/api/v1/collection-cases')[0]!.searchParams)).toEqual({
      mine: 'true',
      status: 'open',
      page: '1',
      page_size: '20',
    });
    // A salesperson neither runs the reminders nor sees the write-off queue's deciders' view.
    expect(screen.queryByTestId('reminders-run')).not.toBeInTheDocument();
    fireEvent.click(within(screen.getByTestId('stage-filter')).getByText('Formal demand'));
    await waitFor(() =>
      expect(requests(calls, '/api/v1/collection-cases').map((u) => u.searchParams.get('stage'))).toContain('formal_demand'),
    );
  }, SLOW);

  it('lets finance decide the write-offs waiting for it and run the reminders', async () => {
    const decided: unknown[] = [];
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance'], 9) }),
      'GET /api/v1/write-offs': () => ({
        status: 200,
        body: { items: [writeOff(), writeOff({ id: 32, requested_by: 9, customer_name: 'Own Co' })], total: 2 },
      }),
      'POST /api/v1/write-offs/31/decisions': (req) => {
        decided.push(req.url);
        return { status: 200, body: writeOff({ next_step: 'executive' }) };
      },
    });
    renderPage(<CaseListPage />, { path: '/collection-cases?view=write_offs', route: '/collection-cases' });
    const approve = await screen.findByTestId('write-off-approve-31');
    expect(screen.queryByTestId('write-off-approve-32')).not.toBeInTheDocument(); // its own request
    expect(screen.getByTestId('reminders-run')).toBeInTheDocument();
    fireEvent.click(approve);
    await waitFor(() => expect(decided).toHaveLength(1));
  }, SLOW);
});
