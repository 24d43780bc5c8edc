import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import ProposalPage from './ProposalPage';

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const me = {
  id: 2,
  username: 'rm.east',
  display_name: 'East manager',
  roles: ['regional_manager'],
  region: 'east',
  language: 'en',
  active: true,
};
const EAST = 'East China';
const cny = (amount: string) => ({ amount, currency: 'CNY' });

describe('ProposalPage', () => {
  it('balances by annual sales when asked, and shows the sales before and after', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/regions': () => ({ status: 200, body: { items: [{ code: 'east', name: '华东' }] } }),
      'GET /api/v1/assignments/proposal': (req: Request) => {
        const by = new URL(req.url).searchParams.get('by') ?? 'count';
        return {
          status: 200,
          body: {
            region: 'east',
            measure: by,
            moves: [],
            pool_before: 0,
            pool_after: 0,
            sellers: [
              {
                user_id: 7,
                username: 'li.na',
                display_name: 'Li Na',
                before: 2,
                after: 2,
                sales_before: cny('12000.00'),
                sales_after: cny('9000.00'),
              },
            ],
          },
        };
      },
    });
    renderPage(<ProposalPage />);
    // Choose the region (the signed-in manager's may not be known yet at the first render).
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Region' }));
    fireEvent.click(await screen.findByTitle(EAST));
    expect(await screen.findByText('Li Na')).toBeInTheDocument();
    expect(screen.queryByText('Annual sales now')).toBeNull();
    fireEvent.click(screen.getByText('Annual sales'));
    expect(await screen.findByText('Annual sales now')).toBeInTheDocument();
    expect(screen.getByText(/12,000\.00/)).toBeInTheDocument();
    await waitFor(() =>
      expect(
        calls.some(
          (c) => new URL(c.url).pathname === '/api/v1/assignments/proposal' && new URL(c.url).searchParams.get('by') === 'sales',
        ),
      ).toBe(true),
    );
  }, 20_000);
});
