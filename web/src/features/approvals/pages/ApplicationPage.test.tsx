import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '@/app/access';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { account, application, decision, money, user } from '../test/fixtures';
import ApplicationPage from './ApplicationPage';

// Dialogs and forms of Ant Design take a few seconds in jsdom.
const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const open = () => renderPage(<ApplicationPage />, { path: '/credit-applications/12', route: '/credit-applications/:id' });

function answers(roles: Role[], body: unknown, id = 9, extra: Record<string, (req: Request) => { status: number; body?: unknown }> = {}) {
  return {
    'GET /api/v1/auth/me': () => ({ status: 200, body: user(roles, id) }),
    'GET /api/v1/credit-applications/12': () => ({ status: 200, body }),
    'GET /api/v1/customers/7/credit': () => ({ status: 200, body: account }),
    ...extra,
  };
}

const stepTitles = () =>
  within(screen.getByTestId('application-chain'))
    .getAllByText(/Regional manager|Sales manager|Credit controller|Executive/)
    .map((e) => e.textContent);

describe('ApplicationPage', () => {
  it('shows the request and a chain without the executive up to 1,000,000.00, the due step highlighted', async () => {
    mockFetch(answers(['regional_manager'], application({ limit: money('1000000.00') })));
    open();
    expect(await screen.findByTestId('application-title')).toHaveTextContent('Credit application #12');
    expect(screen.getByTestId('application-limit')).toHaveTextContent('CN¥1,000,000.00');
    expect(screen.getByTestId('application-grade')).toHaveTextContent('II');
    expect(screen.getByTestId('application-customer-link')).toHaveAttribute('href', '/customers/7?tab=credit');
    expect(screen.getByTestId('application-customer-link')).toHaveTextContent('Acme Ltd (C2026000007)');
    expect(screen.getByText('Oct 31, 2026')).toBeInTheDocument();
    expect(screen.getByTestId('application-reason')).toHaveTextContent('Framework contract for 2027');
    expect(stepTitles()).toEqual(['Regional manager', 'Sales manager', 'Credit controller']);
    expect(screen.getByTestId('chain-step-regional_manager')).toHaveAttribute('data-state', 'current');
    expect(screen.getByTestId('chain-step-regional_manager').closest('.ant-steps-item')).toHaveClass('ant-steps-item-process');
    expect(screen.getByText(/Finance decides last/)).toBeInTheDocument();
  }, SLOW);

  it('adds the executive above 1,000,000.00 and shows the trail of decisions', async () => {
    mockFetch(
      answers(
        ['finance'],
        application({
          limit: money('1000000.01'),
          next_step: 'finance',
          decisions: [decision(), decision({ step: 'sales_manager', actor_id: 5, actor_name: 'salesmgr', comment: 'Good customer' })],
        }),
      ),
    );
    open();
    await screen.findByTestId('application-title');
    expect(stepTitles()).toEqual(['Regional manager', 'Sales manager', 'Credit controller', 'Executive']);
    expect(screen.getByTestId('chain-step-sales_manager')).toHaveAttribute('data-state', 'approved');
    expect(screen.getByTestId('chain-step-finance')).toHaveAttribute('data-state', 'current');
    expect(screen.getByTestId('chain-step-executive')).toHaveAttribute('data-state', 'waiting');
    const trail = screen.getByTestId('application-trail');
    expect(within(trail).getByText('salesmgr')).toBeInTheDocument();
    expect(within(trail).getByText('Good customer')).toBeInTheDocument();
    expect(within(trail).getAllByTestId('decision-approve')).toHaveLength(2);
    expect(screen.getByTestId('decide-approve')).toBeInTheDocument();
  }, SLOW);

  it("offers the decision only to the due step's role, never to the applicant", async () => {
    mockFetch(answers(['sales_manager'], application()));
    const first = open();
    await screen.findByTestId('application-title');
    expect(screen.queryByTestId('decide-actions')).not.toBeInTheDocument();
    first.unmount();

    // The applicant holds the role of the due step but does not decide.
    mockFetch(answers(['sales', 'regional_manager'], application(), 3));
    const second = open();
    expect(await screen.findByTestId('decide-not-yours')).toHaveTextContent('You submitted this application');
    expect(screen.queryByTestId('decide-actions')).not.toBeInTheDocument();
    second.unmount();

    mockFetch(answers(['regional_manager'], application()));
    open();
    expect(await screen.findByTestId('decide-actions')).toBeInTheDocument();
  }, SLOW);

  it('rejects only with a comment', async () => {
    const calls = mockFetch(
      answers(['regional_manager'], application(), 9, {
        'POST /api/v1/credit-applications/12/decisions': () => ({
          status: 200,
          body: application({
            status: 'rejected',
            next_step: null,
            decisions: [decision({ decision: 'reject', actor_id: 9, actor_name: 'rm.east', comment: 'Too risky' })],
          }),
        }),
      }),
    );
    open();
    fireEvent.click(await screen.findByTestId('decide-reject'));
    expect(await screen.findByText('Reject the application')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('decision-ok'));
    expect(await screen.findByText('Write a comment: the applicant reads why')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('decision-comment'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('decision-ok'));
    await waitFor(() => expect(screen.getByText('Write a comment: the applicant reads why')).toBeInTheDocument());
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByTestId('decision-comment'), { target: { value: ' Too risky ' } });
    fireEvent.click(screen.getByTestId('decision-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({ decision: 'reject', comment: 'Too risky' });
    expect(await screen.findByTestId('application-status-rejected')).toBeInTheDocument();
    expect(screen.queryByTestId('decide-actions')).not.toBeInTheDocument();
    expect(screen.getByTestId('chain-step-regional_manager')).toHaveAttribute('data-state', 'rejected');
  }, SLOW);

  it('approves without a comment', async () => {
    const calls = mockFetch(
      answers(['regional_manager'], application(), 9, {
        'POST /api/v1/credit-applications/12/decisions': () => ({
          status: 200,
          body: application({ next_step: 'sales_manager', decisions: [decision({ actor_id: 9 })] }),
        }),
      }),
    );
    open();
    fireEvent.click(await screen.findByTestId('decide-approve'));
    fireEvent.click(await screen.findByTestId('decision-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({ decision: 'approve' });
    await waitFor(() => expect(screen.getByTestId('chain-step-sales_manager')).toHaveAttribute('data-state', 'current'));
    // The regional manager decided a step of this round and may not decide the next one.
    expect(screen.queryByTestId('decide-actions')).not.toBeInTheDocument();
  }, SLOW);

  it('lets the applicant of a returned application change it and submit it again', async () => {
    const returned = application({
      status: 'returned',
      next_step: null,
      decisions: [decision({ decision: 'return', comment: 'Attach the latest report' })],
    });
    const calls = mockFetch(
      answers(['sales'], returned, 3, {
        'POST /api/v1/credit-applications/12/resubmit': () => ({
          status: 200,
          body: application({ round: 2, limit: money('400000.00'), decisions: returned.decisions }),
        }),
      }),
    );
    open();
    const form = await screen.findByTestId('application-resubmit');
    expect(within(form).getByText('Attach the latest report')).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText('Requested limit'), { target: { value: '400000' } });
    fireEvent.click(within(form).getByTestId('application-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({
      limit: { amount: '400000', currency: 'CNY' },
      term_days: 45,
      grade: 'II',
      report_date: '2026-10-31',
      reason: 'Framework contract for 2027',
    });
    await waitFor(() => expect(screen.queryByTestId('application-resubmit')).not.toBeInTheDocument());
    expect(screen.getByText('Round 2')).toBeInTheDocument();
  }, SLOW);
});
