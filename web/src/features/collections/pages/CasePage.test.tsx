import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { collectionCase, summary, user, writeOff } from '../test/fixtures';
import CasePage from './CasePage';

const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const open = () => renderPage(<CasePage />, { path: '/collection-cases/5', route: '/collection-cases/:id' });

describe('CasePage', () => {
  it('shows the stage bar, the timeline, the promises with their state and the covered invoices', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales']) }),
      'GET /api/v1/collection-cases/5': () => ({ status: 200, body: collectionCase() }),
    });
    open();
    expect(await screen.findByTestId('case-title')).toHaveTextContent('Collection case #5');
    const steps = screen.getByTestId('case-stages');
    expect(within(steps).getByText('Warning').closest('.ant-steps-item')).toHaveClass('ant-steps-item-process');
    const timeline = screen.getByTestId('case-timeline');
    expect(within(timeline).getByText(/moved from Reminder to Warning/)).toBeInTheDocument();
    expect(within(timeline).getByText('Promised to pay')).toBeInTheDocument();
    expect(screen.getByTestId('promise-broken')).toHaveTextContent('Broken');
    expect(screen.getByText('INV00000040')).toBeInTheDocument();
    expect(screen.getByTestId('case-customer-link')).toHaveAttribute('href', '/customers/7?tab=credit');
    expect(screen.getByTestId('case-actions')).toBeInTheDocument();
  }, SLOW);

  it('records a promise to pay through the dialog', async () => {
    const posted: Request[] = [];
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales']) }),
      'GET /api/v1/collection-cases/5': () => ({ status: 200, body: collectionCase() }),
      'POST /api/v1/collection-cases/5/promises': (req) => {
        posted.push(req);
        return { status: 201, body: collectionCase() };
      },
    });
    open();
    fireEvent.click(await screen.findByTestId('case-add-promise'));
    fireEvent.change(await screen.findByTestId('promise-amount'), { target: { value: '250.00' } });
    fireEvent.change(screen.getByTestId('promise-date'), { target: { value: '2026-12-15' } });
    fireEvent.click(screen.getByTestId('case-dialog-ok'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(await posted[0]!.json()).toEqual({ amount: '250.00', promised_date: '2026-12-15' });
  }, SLOW);

  it('shows a closed case with its outcome and no actions, and its write-offs to an executive', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['executive'], 11) }),
      'GET /api/v1/collection-cases/5': () => ({
        status: 200,
        body: collectionCase({
          ...summary({ status: 'closed', outcome: 'written_off', closed_on: '2026-11-01' }),
          write_offs: [writeOff({ next_step: 'executive', decisions: [] })],
        }),
      }),
    });
    open();
    expect(await screen.findByTestId('case-outcome')).toHaveTextContent('Written off');
    expect(screen.queryByTestId('case-actions')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('case-write-offs')).getByTestId('write-off-approve-31')).toBeInTheDocument();
  }, SLOW);
});
