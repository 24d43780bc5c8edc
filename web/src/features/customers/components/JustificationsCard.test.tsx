import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { defaultJustificationEnd, JustificationsCard, runsOn } from './JustificationsCard';

const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const user = (roles: string[]) => ({ id: 3, username: 'u', display_name: 'U', roles, region: null, language: null, active: true });
const today = dayjs().format('YYYY-MM-DD');
const running = {
  id: 2,
  customer_id: 7,
  reason: 'Waiting for the project payment; paid every year in January',
  day: today,
  valid_until: dayjs().add(60, 'day').format('YYYY-MM-DD'),
  created_by: 4,
  created_by_name: 'Wang Fang',
  created_at: `${today}T09:00:00Z`,
};
const ended = { ...running, id: 1, reason: 'Strike at the port', day: '2025-01-10', valid_until: '2025-03-31' };

describe('JustificationsCard', () => {
  it('ends by default with the quarter after this one, and runs from its day to its end', () => {
    expect(defaultJustificationEnd(dayjs('2026-11-22')).format('YYYY-MM-DD')).toBe('2027-03-31');
    expect(defaultJustificationEnd(dayjs('2026-01-01')).format('YYYY-MM-DD')).toBe('2026-06-30');
    expect(defaultJustificationEnd(dayjs('2026-09-30')).format('YYYY-MM-DD')).toBe('2026-12-31');
    const j = { day: '2026-10-01', valid_until: '2026-12-31' };
    expect(runsOn(j, '2026-10-01')).toBe(true);
    expect(runsOn(j, '2026-12-31')).toBe(true);
    expect(runsOn(j, '2027-01-01')).toBe(false);
    expect(runsOn(j, '2026-09-30')).toBe(false);
  });

  it('lists the justifications, the running one marked, and lets finance record one', async () => {
    let items = [ended];
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance']) }),
      'GET /api/v1/customers/7/credit/justifications': () => ({ status: 200, body: { items } }),
      'POST /api/v1/customers/7/credit/justifications': () => {
        items = [running, ended];
        return { status: 201, body: running };
      },
    });
    renderPage(<JustificationsCard customerId={7} readOnly={false} />);
    const old = await screen.findByText('Strike at the port');
    expect(within(old.closest('tr')!).getByText('ended')).toBeInTheDocument();

    fireEvent.click(await screen.findByTestId('justification-new'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('Say why the late payments are normal')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByTestId('justification-reason'), { target: { value: `  ${running.reason} ` } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = await calls.find((c) => c.method === 'POST')!.clone().json();
    expect(body).toEqual({ reason: running.reason, valid_until: defaultJustificationEnd(dayjs()).format('YYYY-MM-DD') });
    const row = (await screen.findByText(running.reason)).closest('tr')!;
    expect(within(row).getByText('running')).toBeInTheDocument();
    expect(within(row).getByText('Wang Fang')).toBeInTheDocument();
  }, SLOW);

  it('leaves recording to managers, finance and executives, and to the present', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales']) }),
      'GET /api/v1/customers/7/credit/justifications': () => ({ status: 200, body: { items: [] } }),
    });
    const { unmount } = renderPage(<JustificationsCard customerId={7} readOnly={false} />);
    expect(await screen.findByText('No justifications')).toBeInTheDocument();
    expect(screen.queryByTestId('justification-new')).not.toBeInTheDocument();
    unmount();

    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['regional_manager']) }),
      'GET /api/v1/customers/7/credit/justifications': () => ({ status: 200, body: { items: [] } }),
    });
    renderPage(<JustificationsCard customerId={7} readOnly />);
    expect(await screen.findByText('No justifications')).toBeInTheDocument();
    expect(screen.queryByTestId('justification-new')).not.toBeInTheDocument();
  }, SLOW);
});
