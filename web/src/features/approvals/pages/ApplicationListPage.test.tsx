import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { application, money, user } from '../test/fixtures';
import ApplicationListPage, { stateFromSearch } from './ApplicationListPage';

// Dialogs and forms of Ant Design take a few seconds in jsdom.
const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const listRequests = (calls: Request[], path = '/api/v1/credit-applications') =>
  calls.map((c) => new URL(c.url)).filter((u) => u.pathname === path);

// The list leaves out the next step and the decisions; the details have them.
const strip = ({ next_step: _n, decisions: _d, ...rest }: ReturnType<typeof application>) => rest;
const mine = application({ id: 12, next_step: 'finance', limit: money('250000.00') });
const notMine = application({ id: 13, next_step: 'regional_manager', customer_name: 'Beta Co' });
const own = application({ id: 14, next_step: 'finance', applicant_id: 9, customer_name: 'Gamma Co' });

describe('ApplicationListPage', () => {
  it('shows a decider what waits for one of their roles, not their own applications', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance', 'sales'], 9) }),
      'GET /api/v1/credit-applications': () => ({ status: 200, body: { items: [mine, notMine, own].map(strip), total: 3 } }),
      'GET /api/v1/credit-applications/12': () => ({ status: 200, body: mine }),
      'GET /api/v1/credit-applications/13': () => ({ status: 200, body: notMine }),
      'GET /api/v1/credit-applications/14': () => ({ status: 200, body: own }),
    });
    renderPage(<ApplicationListPage />, { path: '/credit-applications', route: '/credit-applications' });
    // Deciders start on what waits for them (once the signed-in user is known).
    expect(await screen.findByRole('tab', { name: 'Waiting for me', selected: true })).toBeInTheDocument();
    await screen.findByText('Credit controller');
    const link = screen.getByRole('link', { name: '#12' });
    expect(link).toHaveAttribute('href', '/credit-applications/12');
    const row = link.closest('tr')!;
    expect(within(row).getByText('CN¥250,000.00')).toBeInTheDocument();
    expect(within(row).getByText('Credit controller')).toBeInTheDocument();
    expect(within(row).getByTestId('application-status-pending')).toHaveTextContent('Pending');
    await waitFor(() => expect(screen.queryByText('Beta Co')).not.toBeInTheDocument());
    expect(screen.queryByText('Gamma Co')).not.toBeInTheDocument();
    const asked = listRequests(calls).map((u) => Object.fromEntries(u.searchParams));
    expect(asked).toContainEqual({ status: 'pending', page: '1', page_size: '200' });
    // A salesperson applies.
    expect(screen.getByTestId('application-new')).toBeInTheDocument();
  }, SLOW);

  it('lists the applications of a status, a page at a time', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['auditor']) }),
      'GET /api/v1/credit-applications': () => ({
        status: 200,
        body: { items: [strip(application({ status: 'returned', next_step: null }))], total: 41 },
      }),
    });
    renderPage(<ApplicationListPage />, { path: '/credit-applications?view=returned&page=3', route: '/credit-applications' });
    expect(await screen.findByRole('link', { name: '#12' })).toBeInTheDocument();
    expect(screen.getByTestId('application-status-returned')).toBeInTheDocument();
    expect(screen.getByText('Total: 41')).toBeInTheDocument();
    expect(Object.fromEntries(listRequests(calls)[0]!.searchParams)).toEqual({ status: 'returned', page: '3', page_size: '20' });
    expect(screen.queryByTestId('application-new')).not.toBeInTheDocument();
  }, SLOW);

  it('shows the proposals with their reasons, and lets finance run the re-evaluation once per date', async () => {
    let runs = 0;
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance']) }),
      'GET /api/v1/credit-proposals': () => ({
        status: 200,
        body: {
          items: [
            strip(
              application({
                source: 'reevaluation',
                applicant_id: null,
                applicant_name: 'reevaluation',
                grade: 'III',
                proposal: ['no_collection_consecutive_months', 'cut_stops_at_exposure'],
              }),
            ),
          ],
          total: 1,
        },
      }),
      'POST /api/v1/jobs/reevaluation': (req) => {
        runs += 1;
        const as_of = new URL(req.url).searchParams.get('as_of');
        return runs === 1
          ? { status: 200, body: { as_of, ran: true, report: { accounts: 40, graded: 38, upgrades: 3, downgrades: 2, skipped_pending: 1, set_aside: 4 } } }
          : { status: 200, body: { as_of, ran: false, report: null } };
      },
    });
    renderPage(<ApplicationListPage />, { path: '/credit-applications?view=proposals', route: '/credit-applications' });
    expect(await screen.findByText('Nothing collected for consecutive months')).toBeInTheDocument();
    expect(screen.getByText('The cut stops at the exposure')).toBeInTheDocument();
    expect(listRequests(calls, '/api/v1/credit-proposals')).toHaveLength(1);

    const run = async () => {
      fireEvent.click(screen.getByTestId('reevaluation-run'));
      fireEvent.click(await screen.findByRole('button', { name: 'OK' }));
    };
    await run();
    const report = await screen.findByTestId('reevaluation-report');
    expect(report).toHaveTextContent('Accounts40');
    expect(report).toHaveTextContent('Regraded38');
    expect(report).toHaveTextContent('Upgrades proposed3');
    expect(report).toHaveTextContent('Downgrades proposed2');
    expect(report).toHaveTextContent('Downgrades set aside (justified)4');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(new URL(post.url).searchParams.get('as_of')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await run();
    expect(await screen.findByTestId('reevaluation-already')).toHaveTextContent(/already ran/);
  }, SLOW);

  it('keeps the run to admins, finance and executives', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales_manager']) }),
      'GET /api/v1/credit-proposals': () => ({ status: 200, body: { items: [], total: 0 } }),
    });
    renderPage(<ApplicationListPage />, { path: '/credit-applications?view=proposals', route: '/credit-applications' });
    expect(await screen.findByText('No proposals of the re-evaluation')).toBeInTheDocument();
    expect(screen.queryByTestId('reevaluation')).not.toBeInTheDocument();
  }, SLOW);
});

describe('stateFromSearch', () => {
  it('starts deciders on what waits for them and everyone else on all', () => {
    expect(stateFromSearch(new URLSearchParams(''), ['sales_manager']).view).toBe('waiting');
    expect(stateFromSearch(new URLSearchParams(''), ['sales']).view).toBe('all');
    expect(stateFromSearch(new URLSearchParams('view=bogus&page=0&page_size=7&customer_id=x'), ['sales'])).toEqual({
      view: 'all',
      params: { page: 1, page_size: 20 },
    });
    expect(stateFromSearch(new URLSearchParams('view=approved&customer_id=7&page=2&page_size=50'))).toEqual({
      view: 'approved',
      params: { status: 'approved', customer_id: 7, page: 2, page_size: 50 },
    });
  });
});
