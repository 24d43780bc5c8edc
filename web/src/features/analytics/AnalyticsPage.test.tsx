import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import AnalyticsPage from './AnalyticsPage';

// The chart itself is ECharts on a canvas; here it shows what it was given.
vi.mock('@/components/Chart', () => ({
  default: ({ option, label }: { option: { series: { name: string; data: unknown[] }[] }; label: string }) => (
    <div data-testid="chart" aria-label={label}>
      {option.series.map((s) => `${s.name}:${s.data.length}`).join(' ')}
    </div>
  ),
}));

// Tables and tabs of Ant Design take several seconds in jsdom.
const SLOW = 60_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const user = (roles: string[]) => ({ id: 3, username: 'u', display_name: 'U', roles, region: null, language: null, active: true });
const features = (purchases: number, onTime: number) => ({
  purchases,
  purchase_trend: 0,
  on_time_ratio: onTime,
  collected_ratio: 1,
  days_past_due: onTime > 0.5 ? 0 : 40,
  relationship_years: 2,
  invoices: 10,
});

function segmentation(k: number) {
  return {
    as_of: '2026-11-22',
    k,
    seed: 1,
    currency: 'CNY',
    features: ['purchases', 'purchase_trend', 'on_time_ratio', 'collected_ratio', 'days_past_due', 'relationship_years', 'invoices'],
    mean: features(100000, 0.7),
    iterations: 5,
    without_history: 0,
    clusters: [
      { index: 0, size: 2, centroid: features(20000, 0.2), traits: [{ feature: 'on_time_ratio', direction: 'low', z: -1.2 }] },
      {
        index: 1,
        size: 1,
        centroid: features(500000, 1),
        traits: [
          { feature: 'purchases', direction: 'high', z: 1.5 },
          { feature: 'on_time_ratio', direction: 'high', z: 0.8 },
        ],
      },
    ],
    customers: [
      { id: 1, code: 'C001', name: '淮安甲', region: 'east', cluster: 0, features: features(20000, 0.1) },
      { id: 2, code: 'C002', name: '淮安乙', region: 'east', cluster: 1, features: features(500000, 1) },
      { id: 3, code: 'C003', name: '淮安丙', region: 'east', cluster: 0, features: features(21000, 0.3) },
    ],
  };
}

const model = {
  id: 4,
  as_of: '2026-11-22',
  seed: 1,
  auc: 0.8123,
  train_examples: 700,
  train_late: 200,
  test_examples: 250,
  test_late: 70,
  first_quarter: '2025-03-31',
  last_train_quarter: '2025-12-31',
  last_quarter: '2026-06-30',
  trained_by: 'cfo',
  trained_at: '2026-11-22T08:00:00Z',
};
const predictions = [
  { customer_id: 1, code: 'C001', name: '淮安甲', region: 'east', probability: 0.91, on_time_ratio: 0.1, days_past_due: 45 },
  { customer_id: 2, code: 'C002', name: '淮安乙', region: 'east', probability: 0.03, on_time_ratio: 1, days_past_due: 0 },
];

function answers(roles: string[], trained = true) {
  return {
    'GET /api/v1/auth/me': () => ({ status: 200, body: user(roles) }),
    'GET /api/v1/analytics/segments': (req: Request) => {
      const k = Number(new URL(req.url).searchParams.get('k'));
      if (k > 6) return { status: 400, body: { error: { code: 'invalid_argument', message: 'k', fields: { k: `${k} is more clusters than the 3 customers` } } } };
      return { status: 200, body: segmentation(k) };
    },
    'GET /api/v1/analytics/delay-predictions': () => ({
      status: 200,
      body: trained ? { as_of: '2026-11-22', model, items: predictions } : { as_of: '2026-11-22', model: null, items: [], reason: 'none' },
    }),
    'POST /api/v1/analytics/delay-model': () => ({ status: 201, body: model }),
  };
}

describe('AnalyticsPage', () => {
  it('shows the clusters with their profiles, the chart by cluster and the customers of the chosen one', async () => {
    const calls = mockFetch(answers(['sales']));
    renderPage(<AnalyticsPage />);
    const cards = await screen.findByTestId('segment-cards');
    expect(within(screen.getByTestId('segment-0')).getByText('Often pay late')).toBeInTheDocument();
    expect(within(screen.getByTestId('segment-1')).getByText('Large buyers, pay on time')).toBeInTheDocument();
    expect(within(cards).getByText('2 customers')).toBeInTheDocument();
    expect(within(cards).getByText('1 customer')).toBeInTheDocument();
    expect(await screen.findByTestId('chart')).toHaveTextContent('Cluster 1:2 Cluster 2:1');
    const members = screen.getByTestId('segment-members');
    expect(within(members).getByText('C001 淮安甲')).toBeInTheDocument();
    expect(within(members).queryByText('C002 淮安乙')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('segment-1'));
    await waitFor(() => expect(within(screen.getByTestId('segment-members')).getByText('C002 淮安乙')).toBeInTheDocument());
    const asked = calls.map((c) => new URL(c.url)).filter((u) => u.pathname === '/api/v1/analytics/segments');
    expect(asked.map((u) => [u.searchParams.get('k'), u.searchParams.get('seed')])).toEqual([['4', '1']]);
  }, SLOW);

  it('asks for the k typed', async () => {
    const calls = mockFetch(answers(['sales']));
    renderPage(<AnalyticsPage />);
    await screen.findByTestId('segment-cards');
    fireEvent.change(screen.getByLabelText('Number of clusters'), { target: { value: '2' } });
    await waitFor(() => expect(calls.some((c) => new URL(c.url).searchParams.get('k') === '2')).toBe(true));

  }, SLOW);

  it('ranks the delay risk with the AUC beside it, and lets finance train the model', async () => {
    const calls = mockFetch(answers(['finance']));
    renderPage(<AnalyticsPage />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Delay risk' }));
    const table = await screen.findByTestId('delay-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('C001 淮安甲');
    expect(rows[0]).toHaveTextContent('91%');
    expect(rows[1]).toHaveTextContent('3%');
    expect(screen.getByTestId('delay-auc')).toHaveTextContent('0.812');
    fireEvent.click(screen.getByTestId('delay-train'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    await waitFor(() =>
      expect(calls.filter((c) => new URL(c.url).pathname === '/api/v1/analytics/delay-predictions').length).toBe(2),
    );
  }, SLOW);

  it('says when no model was trained, and offers no training to a salesperson', async () => {
    mockFetch(answers(['sales'], false));
    renderPage(<AnalyticsPage />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Delay risk' }));
    expect(await screen.findByTestId('delay-no-model')).toBeInTheDocument();
    expect(screen.queryByTestId('delay-train')).not.toBeInTheDocument();
    expect(screen.queryByTestId('delay-table')).not.toBeInTheDocument();
  }, SLOW);
});
