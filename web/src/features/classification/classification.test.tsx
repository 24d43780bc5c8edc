import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { menuItems } from '@/app/AppLayout';
import { MENU } from '@/app/routes';
import { can } from '@/app/access';
import { ClassificationCard } from './ClassificationCard';
import DistributionPage from './DistributionPage';
import DueReviewsPage from './DueReviewsPage';
import MoversPage from './MoversPage';

// ECharts needs a canvas; the tests check what the charts are given, not how they are drawn.
vi.mock('@/components/Chart', () => ({
  default: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const user = (roles: string[]) => ({ id: 3, username: 'u', display_name: 'Test', roles, region: null, language: null, active: true });
const file = { id: 7, code: 'C2026000007', name: '淮安阀门', region: 'east', owner_id: 3, owner_name: 'Zhang', lifecycle: 'established' };

const distribution = (by: string) => ({
  as_of: '2026-06-30',
  by,
  total: 3,
  reason: null,
  groups: [
    { key: 'A', label: 'A', count: 1, share_bp: 3334 },
    { key: 'B', label: 'B', count: 1, share_bp: 3333 },
    { key: 'C', label: 'C', count: 1, share_bp: 3333 },
    { key: 'D', label: 'D', count: 0, share_bp: 0 },
  ],
});

describe('DistributionPage', () => {
  it('shows counts and shares that add up, and asks again when the grouping changes', async () => {
    const calls = mockFetch({
      'GET /api/v1/reports/tiers': (req) => ({ status: 200, body: distribution(new URL(req.url).searchParams.get('by') ?? 'tier') }),
    });
    renderPage(<DistributionPage />);
    await waitFor(() => expect(screen.getByTestId('distribution-total')).toHaveTextContent('3'));
    expect(screen.getByTestId('distribution-total-share')).toHaveTextContent('100.00 %');
    const table = screen.getByTestId('distribution-table');
    expect(within(table).getByText('Tier A')).toBeInTheDocument();
    expect(within(table).getByText('33.34 %')).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'Share of customers' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Number of customers' })).toBeInTheDocument();
    fireEvent.click(screen.getByText('Region'));
    await waitFor(() => expect(calls.some((c) => new URL(c.url).searchParams.get('by') === 'region')).toBe(true));
  }, SLOW);

  it('opens on the grouping and the date in the address', async () => {
    const calls = mockFetch({
      'GET /api/v1/reports/tiers': (req) => ({ status: 200, body: distribution(new URL(req.url).searchParams.get('by') ?? 'tier') }),
    });
    renderPage(<DistributionPage />, { path: '/reports/tiers?by=grade&as_of=2026-06-30', route: '/reports/tiers' });
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    const asked = new URL(calls[0]!.url).searchParams;
    expect(asked.get('by')).toBe('grade');
    expect(asked.get('as_of')).toBe('2026-06-30');
  }, SLOW);

  it('says why a report is empty', async () => {
    mockFetch({
      'GET /api/v1/reports/tiers': () => ({
        status: 200,
        body: { ...distribution('tier'), total: 0, reason: 'no customer file existed', groups: distribution('tier').groups.map((g) => ({ ...g, count: 0, share_bp: 0 })) },
      }),
    });
    renderPage(<DistributionPage />);
    expect(await screen.findByTestId('distribution-reason')).toHaveTextContent('no customer file existed');
    expect(screen.queryByRole('img', { name: 'Share of customers' })).toBeNull();
  }, SLOW);
});

describe('DueReviewsPage', () => {
  it('lists the due reviews and marks one reviewed', async () => {
    const posts: string[] = [];
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['sales']) }),
      'GET /api/v1/reviews/due': () => ({
        status: 200,
        body: { as_of: '2026-06-30', items: [{ ...file, tier: 'A', last_review: null, due: '2026-01-01', cadence_months: 2, days_overdue: 180 }] },
      }),
      'POST /api/v1/customers/7/reviews': (req) => {
        posts.push(req.url);
        return { status: 201, body: { id: 1, customer_id: 7, day: '2026-06-30', tier: 'A', notes: '', reviewer: 'u', created_at: '2026-06-30T01:00:00Z' } };
      },
    });
    renderPage(<DueReviewsPage />);
    expect(await screen.findByText('淮安阀门')).toBeInTheDocument();
    expect(screen.getByText('Every 2 months')).toBeInTheDocument();
    expect(screen.getByText('180 days')).toBeInTheDocument();
    fireEvent.click(await screen.findByTestId('mark-reviewed-7'));
    await waitFor(() => expect(posts).toHaveLength(1));
  }, SLOW);

  it('offers no action to the auditor', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['auditor']) }),
      'GET /api/v1/reviews/due': () => ({
        status: 200,
        body: { as_of: '2026-06-30', items: [{ ...file, tier: 'C', last_review: '2026-01-01', due: '2026-04-01', cadence_months: 3, days_overdue: 90 }] },
      }),
    });
    renderPage(<DueReviewsPage />);
    expect(await screen.findByText('淮安阀门')).toBeInTheDocument();
    expect(screen.queryByTestId('mark-reviewed-7')).toBeNull();
  }, SLOW);
});

const classification = {
  customer_id: 7,
  as_of: '2026-06-30',
  tier: 'C',
  core: false,
  long_standing: true,
  time: 'old',
  process: 'current',
  volume: 'scattered',
  figures: {
    currency: 'CNY',
    last_12_months: '1000.00',
    previous_12_months: '0.00',
    third_12_months: '0.00',
    average_annual: '333.33',
    average_periods: 3,
    relationship_start: '2020-01-01',
    relationship_years: 6,
    first_purchase: '2026-03-01',
    last_purchase: '2026-03-01',
  },
  movement: 'none',
  growth_bp: null,
  review: { last: null, next_due: '2020-01-01', cadence_months: 3 },
  thresholds: { tier_a_min: '300000.00', tier_b_min: '200000.00', core_min_average: '300000.00', core_min_years: 2, long_standing_years: 3, scattered_below: '50000.00' },
};

describe('ClassificationCard', () => {
  it('shows the tier, the flags, the figures and the trend charts', async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: user(['finance']) }),
      'GET /api/v1/customers/7/classification': () => ({ status: 200, body: classification }),
      'GET /api/v1/customers/7/trends': () => ({
        status: 200,
        body: {
          customer_id: 7,
          as_of: '2026-06-30',
          currency: 'CNY',
          years: [{ year: 2026, purchases: '1000.00' }],
          quarter_currency: 'CNY',
          quarters: [{ quarter: '2026-Q2', end: '2026-06-30', due: '1000.00', collected: '1000.00', collected_bp: 10000, on_time_bp: 10000, max_days_past_due: 0, items: 1 }],
        },
      }),
    });
    renderPage(<ClassificationCard customerId={7} />);
    expect(await screen.findByTestId('classification-tier')).toHaveTextContent('C');
    expect(screen.getByTestId('classification-core')).toHaveTextContent('Ordinary');
    expect(screen.getByTestId('classification-long-standing')).toBeInTheDocument();
    expect(screen.getByText('Scattered customer')).toBeInTheDocument();
    expect(screen.getByTestId('classification-last-12')).toHaveTextContent('1,000.00 CNY');
    expect(await screen.findByRole('img', { name: 'Annual purchases (CNY)' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Payment behaviour per quarter' })).toBeInTheDocument();
    expect(await screen.findByTestId('classification-mark-reviewed')).toBeInTheDocument();
  }, SLOW);
});

describe('MoversPage', () => {
  it('states the rule and lists the growing customers', async () => {
    mockFetch({
      'GET /api/v1/reports/movers': () => ({
        status: 200,
        body: {
          as_of: '2026-06-30', kind: 'growing', currency: 'CNY', rule: 'r', growth_pct: 50, lost_months: 6,
          items: [{ ...file, tier: 'B', last_12_months: '250000.00', previous_12_months: '100000.00', growth_bp: 15000, last_purchase: '2026-06-01', reason: 'growth_at_least' }],
        },
      }),
    });
    renderPage(<MoversPage />);
    expect(await screen.findByTestId('movers-rule-growing')).toHaveTextContent('at least 50 %');
    expect(await screen.findByText('150.00 %')).toBeInTheDocument();
  }, SLOW);
});

describe('the reports menu', () => {
  it('groups the report pages under one submenu for the roles that read reports', () => {
    const entries = MENU.filter((m) => can(['finance'], m.capability));
    const items = menuItems(entries, (e) => e.labelKey, (g) => g);
    const reports = items.find((i) => i.key === 'reports');
    expect(reports?.children?.map((c) => c.key)).toEqual(expect.arrayContaining(['/reports/tiers', '/reports/movers']));
    expect(items.filter((i) => i.key.startsWith('/reports/'))).toEqual([]);
    expect(items.some((i) => i.key === '/reviews')).toBe(true);
    // A salesperson's reports are those of its own customers: receivables and analytics, not the distributions.
    const sales = menuItems(MENU.filter((m) => can(['sales'], m.capability)), (e) => e.labelKey, (g) => g);
    const own = sales.find((i) => i.key === 'reports')?.children?.map((c) => c.key) ?? [];
    expect(own).not.toContain('/reports/tiers');
  });
});
