import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n, mockFetch, renderPage } from '@/test/render';
import CustomerListPage, { paramsFromSearch } from './CustomerListPage';

beforeAll(() => initTestI18n());

const row = (id: number, name: string) => ({
  id,
  code: `C2026${String(id).padStart(6, '0')}`,
  kind: 'enterprise',
  name,
  region: 'east',
  owner_id: null,
  owner_name: null,
  phone: null,
  lifecycle: 'new',
  importance: 'general',
  nature: 'ordinary',
  completeness: 40,
  version: 1,
  updated_at: '2026-11-20T08:00:00Z',
});

const fields = { groups: [], fields: [], kinds: ['enterprise'], natures: [], importances: [], lifecycles: ['new'], stages: [], activity_types: [] };

describe('CustomerListPage', () => {
  it('lists the files, then searches by a Chinese substring', async () => {
    const calls = mockFetch({
      'GET /api/v1/customers': (req) => {
        const q = new URL(req.url).searchParams.get('q');
        const items = q ? [row(2, '温州恒泰阀门有限公司')] : [row(1, '沈阳正大化工'), row(2, '温州恒泰阀门有限公司')];
        return { status: 200, body: { items, total: items.length, page: 1, page_size: 20 } };
      },
      'GET /api/v1/customer-fields': () => ({ status: 200, body: fields }),
      'GET /api/v1/regions': () => ({ status: 200, body: { items: [{ code: 'east', name: '华东' }] } }),
    });
    renderPage(<CustomerListPage />, { path: '/customers', route: '/customers' });
    expect(await screen.findByText('沈阳正大化工')).toBeInTheDocument();
    expect(screen.getByText('Total: 2')).toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('Name, code, contact or phone'), { target: { value: '阀门' } });
    fireEvent.keyDown(screen.getByPlaceholderText('Name, code, contact or phone'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.queryByText('沈阳正大化工')).not.toBeInTheDocument());
    expect(screen.getByText('温州恒泰阀门有限公司')).toBeInTheDocument();
    const searched = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/customers' && u.searchParams.get('q'));
    expect(searched?.searchParams.get('q')).toBe('阀门');
  });

  it('shows an empty state that names the search', async () => {
    mockFetch({
      'GET /api/v1/customers': () => ({ status: 200, body: { items: [], total: 0, page: 1, page_size: 20 } }),
      'GET /api/v1/customer-fields': () => ({ status: 200, body: fields }),
      'GET /api/v1/regions': () => ({ status: 200, body: { items: [] } }),
    });
    renderPage(<CustomerListPage />, { path: '/customers?q=xyz', route: '/customers' });
    expect(await screen.findByText('No file matches “xyz”')).toBeInTheDocument();
  });
});

describe('CustomerListPage filters', () => {
  it('asks for the tier and the grade in the address, and offers them as filters', async () => {
    const calls = mockFetch({
      'GET /api/v1/customers': () => ({ status: 200, body: { items: [row(3, '宁波甬江泵业')], total: 1, page: 1, page_size: 20 } }),
      'GET /api/v1/customer-fields': () => ({ status: 200, body: fields }),
      'GET /api/v1/regions': () => ({ status: 200, body: { items: [] } }),
    });
    renderPage(<CustomerListPage />, { path: '/customers?tier=A&grade=II', route: '/customers' });
    expect(await screen.findByText('宁波甬江泵业')).toBeInTheDocument();
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/customers');
    expect(asked?.searchParams.get('tier')).toBe('A');
    expect(asked?.searchParams.get('grade')).toBe('II');
    // The chosen values are shown in the filters, by their labels.
    expect(screen.getByText('Tier A')).toBeInTheDocument();
    expect(screen.getAllByLabelText('Credit grade').length).toBeGreaterThan(0);
  });
});

describe('paramsFromSearch', () => {
  it('keeps known filters and sane paging, and drops the rest', () => {
    const p = paramsFromSearch(new URLSearchParams('q=阀门&region=east&sort=bogus&page=-3&page_size=1000&owner_id=7'));
    expect(p).toEqual({ q: '阀门', region: 'east', owner_id: 7, page: 1, page_size: 20 });
    expect(paramsFromSearch(new URLSearchParams('tier=B&grade=IV'))).toEqual({ tier: 'B', grade: 'IV', page: 1, page_size: 20 });
    expect(paramsFromSearch(new URLSearchParams('tier=Z&grade=V'))).toEqual({ page: 1, page_size: 20 });
  });
});
