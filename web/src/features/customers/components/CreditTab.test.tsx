import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import { CreditTab, utilizationColor } from './CreditTab';

// Dialogs and forms of Ant Design take a few seconds in jsdom.
const SLOW = 20_000;

beforeAll(() => initTestI18n());
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('credo.token', 'tok');
});

const money = (amount: string) => ({ amount, currency: 'CNY' });
const user = (roles: string[]) => ({ id: 3, username: 'u', display_name: 'U', roles, region: null, language: null, active: true });

const account = {
  customer_id: 7,
  currency: 'CNY',
  limit: money('100000.00'),
  term_days: 45,
  valid_from: '2026-01-01',
  valid_until: '2099-12-31',
  grade: 'II',
  score: 72,
  on_hold: false,
  hold_reason: null as string | null,
  report_date: '2026-06-30',
  receivables: money('60000.00'),
  reserved_orders: money('25000.50'),
  exposure: money('85000.50'),
  effective_limit: money('110000.00'),
  available: money('24999.50'),
  utilization_bp: 8500,
  oldest_overdue: null,
  exceptions: [{ id: 1, amount: money('10000.00'), start: '2026-01-01', end: '2099-01-31', reason: 'Peak season' }],
  insured: money('50000.00'),
  uninsured: money('35000.50'),
  ratings: [
    { id: 2, agency: 'Dun & Bradstreet', rating: '5A2', day: '2026-03-01', valid_until: '2099-02-28' },
    { id: 1, agency: 'Coface', rating: 'B', day: '2024-01-10', valid_until: '2025-01-09' },
    { id: 3, agency: 'Local bureau', rating: 'AA', day: '2026-05-01', valid_until: null },
  ],
  insurance: [
    { id: 1, insurer: 'Sinosure', policy_number: 'SIN-2026-0042', covered: money('50000.00'), start: '2026-01-01', end: '2099-12-31' },
    { id: 2, insurer: 'Euler Hermes', policy_number: 'EH-77', covered: money('20000.00'), start: '2024-01-01', end: '2024-12-31' },
    { id: 3, insurer: 'Atradius', policy_number: 'AT-9', covered: money('10000.00'), start: '2099-01-01', end: '2099-12-31' },
  ],
};

const orders = {
  items: [
    {
      id: 12,
      number: 'SO00000012',
      customer_id: 7,
      order_date: '2026-11-20',
      amount: money('3750.25'),
      prepayment: money('0.00'),
      rate: '1',
      status: 'credit_hold',
      reasons: ['over_limit'],
      copied_from: null,
      created_by: 3,
      created_at: '2026-11-20T08:00:00Z',
      released_by: null,
      released_at: null,
      release_reason: null,
      version: 1,
    },
  ],
  total: 1,
};

const factors = {
  project_reliability: 8,
  funding_strength: 7,
  leadership: 9,
  bad_credit_records: 10,
  satisfiability: 6,
  production_fit: 7,
  price_profitability: 5,
  stability_potential: 8,
};

const evaluations = {
  items: [
    {
      id: 4,
      customer_id: 7,
      factors,
      score: 75,
      evaluator_id: 3,
      evaluator_name: 'sales.east1',
      day: '2026-11-02',
      comments: 'Visited the plant',
      created_at: '2026-11-02T08:00:00Z',
    },
  ],
};

const applications = {
  items: [
    {
      id: 21,
      customer_id: 7,
      customer_code: 'C2026000007',
      customer_name: 'Acme Ltd',
      applicant_id: 3,
      applicant_name: 'sales.east1',
      limit: money('150000.00'),
      term_days: 60,
      grade: 'I',
      report_date: null,
      reason: 'More business',
      status: 'returned',
      round: 1,
      source: 'user',
      proposal: [],
      created_at: '2026-11-10T08:00:00Z',
      updated_at: '2026-11-11T08:00:00Z',
    },
  ],
  total: 1,
};

const behaviour = {
  as_of: '2026-11-30',
  window_first: '2025-12-01',
  items: 0,
  late_items: 0,
  amount_due: money('0.00'),
  amount_collected: money('0.00'),
  collected_bp: 10000,
  on_time_bp: 10000,
  max_days_past_due: 0,
  average_days_past_due: 0,
  months_without_collection: 0,
  open_past_due: money('0.00'),
  evaluation_score: 75,
  grade: 'II',
  grade_reasons: ['initial_from_evaluation'],
  score: 75,
  score_reasons: [
    { code: 'evaluation_score', points: 25 },
    { code: 'no_payment_history', points: 0 },
  ],
  months: [],
};

function answers(roles: string[], hold?: (req: Request) => { status: number; body?: unknown }, current = () => account) {
  return {
    'GET /api/v1/auth/me': () => ({ status: 200, body: user(roles) }),
    'GET /api/v1/customers/7/credit': () => ({ status: 200, body: current() }),
    'GET /api/v1/orders': () => ({ status: 200, body: orders }),
    'GET /api/v1/customers/7/evaluations': () => ({ status: 200, body: evaluations }),
    'GET /api/v1/customers/7/credit/behaviour': () => ({ status: 200, body: behaviour }),
    'GET /api/v1/credit-applications': () => ({ status: 200, body: applications }),
    'GET /api/v1/customers/7/credit/justifications': () => ({ status: 200, body: { items: [] } }),
    ...(hold ? { 'POST /api/v1/customers/7/credit/hold': hold } : {}),
  };
}

describe('CreditTab', () => {
  it("shows the account, its exposure against the limit and the customer's latest orders", async () => {
    const calls = mockFetch(answers(['sales']));
    renderPage(<CreditTab customerId={7} />);
    expect(await screen.findByText('CN¥100,000.00')).toBeInTheDocument();
    expect(screen.getByText('45 days')).toBeInTheDocument();
    expect(screen.getByTestId('credit-grade')).toHaveTextContent('II · score 72');
    expect(screen.getByText('CN¥85,000.50')).toBeInTheDocument();
    expect(screen.getByTestId('credit-available')).toHaveTextContent('CN¥24,999.50');
    const bar = screen.getByTestId('credit-utilization');
    expect(bar).toHaveAttribute('data-bp', '8500');
    expect(bar).toHaveTextContent('85%');
    expect(bar).toHaveTextContent('80%');
    expect(bar).toHaveTextContent('90%');
    expect(screen.getByText('Peak season')).toBeInTheDocument();
    expect(screen.getByText('Active')).toBeInTheDocument();

    const link = await screen.findByRole('link', { name: 'SO00000012' });
    expect(link).toHaveAttribute('href', '/orders/12');
    expect(within(link.closest('tr')!).getByText('Over the credit limit')).toBeInTheDocument();
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/orders')!;
    expect(Object.fromEntries(asked.searchParams)).toEqual({ customer_id: '7', page: '1', page_size: '10' });

    // A salesperson enters orders but does not manage credit.
    await waitFor(() => expect(screen.getByTestId('credit-new-order')).toBeInTheDocument());
    expect(screen.queryByTestId('credit-hold')).not.toBeInTheDocument();
    expect(screen.queryByTestId('credit-exception')).not.toBeInTheDocument();
  }, SLOW);

  it('lets finance put the account on hold with a reason', async () => {
    let now = account;
    const calls = mockFetch(
      answers(
        ['finance'],
        () => {
          now = { ...account, on_hold: true, hold_reason: 'Bounced cheque' };
          return { status: 200, body: now };
        },
        () => now,
      ),
    );
    renderPage(<CreditTab customerId={7} />);
    fireEvent.click(await screen.findByTestId('credit-hold'));
    expect(screen.queryByTestId('credit-new-order')).not.toBeInTheDocument();
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Put on hold' }));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Bounced cheque' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Put on hold' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({ on_hold: true, reason: 'Bounced cheque' });
    expect(await screen.findByTestId('credit-on-hold')).toHaveTextContent('Bounced cheque');
    expect(screen.getByTestId('credit-hold')).toHaveTextContent('Take off hold');
  }, SLOW);

  it("lists the customer's evaluations and credit applications, and lets a salesperson apply", async () => {
    const calls = mockFetch(answers(['sales']));
    renderPage(<CreditTab customerId={7} />);
    const evaluation = await screen.findByText('Visited the plant');
    const row = evaluation.closest('tr')!;
    expect(within(row).getByText('75')).toBeInTheDocument();
    expect(within(row).getByText('sales.east1')).toBeInTheDocument();
    expect(within(row).getByText('Nov 2, 2026')).toBeInTheDocument();
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Nov 2, 2026', 'sales.east1', '75', '8', '7', '9', '10', '6', '7', '5', '8', 'Visited the plant',
    ]);

    const link = await screen.findByRole('link', { name: '#21' });
    expect(link).toHaveAttribute('href', '/credit-applications/21');
    const application = link.closest('tr')!;
    expect(within(application).getByText('CN¥150,000.00')).toBeInTheDocument();
    expect(within(application).getByTestId('application-status-returned')).toHaveTextContent('Returned');
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/credit-applications')!;
    expect(Object.fromEntries(asked.searchParams)).toEqual({ customer_id: '7', page: '1', page_size: '10' });

    fireEvent.click(await screen.findByTestId('credit-apply'));
    expect(await screen.findByTestId('elsewhere')).toBeInTheDocument();
  }, SLOW);

  it('sends an evaluation with all eight factors and shows its score as they are given', async () => {
    const calls = mockFetch({
      ...answers(['finance']),
      'POST /api/v1/customers/7/evaluations': () => ({ status: 201, body: { ...evaluations.items[0], id: 5 } }),
    });
    renderPage(<CreditTab customerId={7} />);
    // Finance evaluates but does not apply.
    fireEvent.click(await screen.findByTestId('evaluation-new'));
    expect(screen.queryByTestId('credit-apply')).not.toBeInTheDocument();
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('evaluation-score')).toHaveTextContent('Score: give every factor');

    const labels: Record<keyof typeof factors, string> = {
      project_reliability: 'Project reliability',
      funding_strength: 'Funding strength and availability',
      leadership: 'Project leader',
      bad_credit_records: 'Bad credit records (10 = none)',
      satisfiability: 'How well we can meet the requirements',
      production_fit: 'Production cycle and delivery time',
      price_profitability: 'Contract price and profit',
      stability_potential: 'Potential to become a stable customer',
    };
    const entries = Object.entries(factors) as [keyof typeof factors, number][];
    for (const [f, v] of entries.slice(0, 7))
      fireEvent.change(within(dialog).getByLabelText(labels[f]), { target: { value: String(v) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save evaluation' }));
    expect(await within(dialog).findByText('Give a score from 0 to 10')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(labels.stability_potential), { target: { value: '8' } });
    // (8 + 7 + 9 + 10 + 6 + 7 + 5 + 8) × 10 / 8 = 75
    await waitFor(() => expect(within(dialog).getByTestId('evaluation-score')).toHaveTextContent('Score: 75 / 100'));
    fireEvent.change(within(dialog).getByLabelText('Comments'), { target: { value: ' Visited the plant ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save evaluation' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({ factors, comments: 'Visited the plant' });
  }, 2 * SLOW);

  it('shows the ratings and credit insurance with the insured and uninsured exposure, and no way to add to a salesperson', async () => {
    mockFetch(answers(['sales']));
    renderPage(<CreditTab customerId={7} />);
    const card = await screen.findByTestId('credit-protection');
    expect(within(card).getByText('Ratings and insurance')).toBeInTheDocument();
    expect(within(card).getByTestId('credit-insured')).toHaveTextContent('CN¥50,000.00');
    expect(within(card).getByTestId('credit-uninsured')).toHaveTextContent('CN¥35,000.50');

    const current = within(card).getByText('Dun & Bradstreet').closest('tr')!;
    expect(within(current).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Dun & Bradstreet', '5A2', 'Mar 1, 2026', 'Feb 28, 2099']);
    const expired = within(card).getByText('Coface').closest('tr')!;
    expect(within(expired).getByTestId('rating-expired')).toHaveTextContent('Expired');
    const open = within(card).getByText('Local bureau').closest('tr')!;
    expect(within(open).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Local bureau', 'AA', 'May 1, 2026', '—']);
    expect(within(card).getAllByTestId('rating-expired')).toHaveLength(1);

    const policy = within(card).getByText('SIN-2026-0042').closest('tr')!;
    expect(within(policy).getByText('Sinosure')).toBeInTheDocument();
    expect(within(policy).getByText('CN¥50,000.00')).toBeInTheDocument();
    expect(within(policy).getByTestId('insurance-in_force')).toHaveTextContent('In force');
    expect(within(within(card).getByText('EH-77').closest('tr')!).getByTestId('insurance-ended')).toHaveTextContent('Ended');
    expect(within(within(card).getByText('AT-9').closest('tr')!).getByTestId('insurance-not_started')).toHaveTextContent(
      'Not yet in force',
    );

    await screen.findByTestId('credit-new-order');
    expect(screen.queryByTestId('rating-new')).not.toBeInTheDocument();
    expect(screen.queryByTestId('insurance-new')).not.toBeInTheDocument();
  }, SLOW);

  it('lets finance add a rating and reads the account again', async () => {
    const today = dayjs().format('YYYY-MM-DD');
    const calls = mockFetch({
      ...answers(['finance']),
      'POST /api/v1/customers/7/ratings': () => ({
        status: 201,
        body: { id: 4, agency: 'Coface', rating: 'A', day: today, valid_until: '2099-06-30' },
      }),
    });
    renderPage(<CreditTab customerId={7} />);
    fireEvent.click(await screen.findByTestId('rating-new'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Agency'), { target: { value: ' Coface ' } });
    fireEvent.change(within(dialog).getByLabelText('Rating'), { target: { value: 'A' } });
    const until = within(dialog).getByLabelText('Valid until');
    fireEvent.mouseDown(until);
    fireEvent.focus(until);
    fireEvent.change(until, { target: { value: '2099-06-30' } });
    fireEvent.keyDown(until, { key: 'Enter', code: 'Enter', keyCode: 13 });
    const credits = () => calls.filter((c) => c.method === 'GET' && new URL(c.url).pathname === '/api/v1/customers/7/credit').length;
    const before = credits();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add rating' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({
      agency: 'Coface',
      rating: 'A',
      day: today,
      valid_until: '2099-06-30',
    });
    await waitFor(() => expect(credits()).toBeGreaterThan(before));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  }, 2 * SLOW);

  it('lets finance add an insurance policy in the account currency', async () => {
    const calls = mockFetch({
      ...answers(['finance']),
      'POST /api/v1/customers/7/insurance': () => ({
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'invalid', fields: { 'covered.amount': 'exceeds what the insurer allows' } } },
      }),
    });
    renderPage(<CreditTab customerId={7} />);
    fireEvent.click(await screen.findByTestId('insurance-new'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Insurer'), { target: { value: 'Sinosure' } });
    fireEvent.change(within(dialog).getByLabelText('Policy number'), { target: { value: 'SIN-2027-1' } });
    fireEvent.change(within(dialog).getByLabelText('Covered amount'), { target: { value: '80000.00' } });
    const start = within(dialog).getByLabelText('From');
    fireEvent.mouseDown(start);
    fireEvent.focus(start);
    fireEvent.change(start, { target: { value: '2027-01-01' } });
    fireEvent.keyDown(start, { key: 'Enter', code: 'Enter', keyCode: 13 });
    const end = within(dialog).getByLabelText('Until');
    fireEvent.mouseDown(end);
    fireEvent.focus(end);
    fireEvent.change(end, { target: { value: '2027-12-31' } });
    fireEvent.keyDown(end, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add insurance' }));
    expect(await within(dialog).findByText('exceeds what the insurer allows', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(await calls.find((c) => c.method === 'POST')!.clone().json()).toEqual({
      insurer: 'Sinosure',
      policy_number: 'SIN-2027-1',
      covered: { amount: '80000.00', currency: 'CNY' },
      start: '2027-01-01',
      end: '2027-12-31',
    });
  }, 2 * SLOW);

  it('offers the auditor no evaluation', async () => {
    mockFetch(answers(['auditor']));
    renderPage(<CreditTab customerId={7} />);
    await screen.findByText('Visited the plant');
    expect(screen.queryByTestId('evaluation-new')).not.toBeInTheDocument();
    expect(screen.queryByTestId('credit-apply')).not.toBeInTheDocument();
  }, SLOW);
});

describe('utilizationColor', () => {
  it('turns orange at 80 % and red at 90 %', () => {
    expect(utilizationColor(7999)).toBe('#52c41a');
    expect(utilizationColor(8000)).toBe('#faad14');
    expect(utilizationColor(8999)).toBe('#faad14');
    expect(utilizationColor(9000)).toBe('#ff4d4f');
  });
});
