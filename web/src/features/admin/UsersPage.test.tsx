import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '@/test/render';
import { HandoverSummary } from './UsersPage';

beforeAll(() => initTestI18n());

const cny = (amount: string) => ({ amount, currency: 'CNY' });

describe('HandoverSummary', () => {
  it('lists the customers handed over with open orders or receivables, and only those', () => {
    render(
      <HandoverSummary
        items={[
          { customer_id: 1, code: 'C2026000001', to: 5, open_orders: 1, reserved_orders: cny('0.00'), receivables: cny('1234.50') },
          { customer_id: 2, code: 'C2026000002', to: 5, open_orders: 0, reserved_orders: cny('0.00'), receivables: cny('0.00') },
          { customer_id: 3, code: 'C2026000003', to: null, open_orders: 0, reserved_orders: null, receivables: null },
        ]}
      />,
    );
    expect(screen.getByText('1 of them had open orders or receivables:')).toBeInTheDocument();
    expect(screen.getByText(/C2026000001: 1 open orders, receivables .*1,234\.50/)).toBeInTheDocument();
    expect(screen.queryByText(/C2026000002/)).toBeNull();
    expect(screen.queryByText(/C2026000003/)).toBeNull();
  });

  it('says nothing when nothing was open', () => {
    const { container } = render(
      <HandoverSummary items={[{ customer_id: 2, code: 'C1', to: 5, open_orders: 0, reserved_orders: null, receivables: null }]} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
