import { describe, expect, it } from 'vitest';
import { ALL_ROLES, can } from './access';
import { menuItems, selectedMenuKey } from './AppLayout';
import { MENU } from './routes';

describe('access', () => {
  it('lets every role read customer files but only non-auditors change them', () => {
    expect(can(['auditor'], 'customers.view')).toBe(true);
    expect(can(['auditor'], 'customers.write')).toBe(false);
    expect(can(['sales'], 'customers.write')).toBe(true);
    expect(can(['auditor', 'sales'], 'customers.write')).toBe(true);
  });
  it('keeps user management and the audit log to their roles', () => {
    expect(can(['sales_manager'], 'users.manage')).toBe(false);
    expect(can(['admin'], 'users.manage')).toBe(true);
    expect(can(['sales'], 'audit.view')).toBe(false);
    expect(can(['auditor'], 'audit.view')).toBe(true);
  });
  it('gives every role its alerts inbox', () => {
    for (const role of ALL_ROLES) expect(can([role], 'alerts.view'), role).toBe(true);
  });
  it('lets every role read orders, the selling roles enter them, and not finance or the auditor', () => {
    for (const role of ALL_ROLES) expect(can([role], 'orders.view'), role).toBe(true);
    const entering = ALL_ROLES.filter((r) => can([r], 'orders.enter'));
    expect(entering).toEqual(['sales', 'assistant', 'regional_manager', 'sales_manager', 'commerce', 'executive', 'admin']);
  });
  it('leaves the release of held orders to finance and executives, not to admins', () => {
    expect(ALL_ROLES.filter((r) => can([r], 'orders.release'))).toEqual(['finance', 'executive']);
    expect(can(['admin'], 'orders.release')).toBe(false);
    expect(can(['sales', 'finance'], 'orders.release')).toBe(true);
  });
  it('lets finance, executives and admins manage credit accounts', () => {
    expect(ALL_ROLES.filter((r) => can([r], 'credit.manage'))).toEqual(['finance', 'executive', 'admin']);
  });
  it('keeps invoices and payments to finance and admins', () => {
    expect(ALL_ROLES.filter((r) => can([r], 'receivables.keep'))).toEqual(['finance', 'admin']);
    expect(can(['executive'], 'receivables.keep')).toBe(false);
  });
  it('shows the orders entry to every role', () => {
    for (const role of ALL_ROLES) expect(MENU.filter((m) => can([role], m.capability)).map((m) => m.path), role).toContain('/orders');
  });
  it('shows every role the credit applications, and lets only salespeople and assistants apply', () => {
    for (const role of ALL_ROLES) {
      expect(can([role], 'approvals.view'), role).toBe(true);
      expect(MENU.filter((m) => can([role], m.capability)).map((m) => m.path), role).toContain('/credit-applications');
    }
    expect(ALL_ROLES.filter((r) => can([r], 'approvals.apply'))).toEqual(['sales', 'assistant']);
    expect(can(['regional_manager', 'finance', 'executive', 'admin'], 'approvals.apply')).toBe(false);
  });
  it('lets the roles that change customer files, finance among them, evaluate credit, and not the auditor', () => {
    expect(ALL_ROLES.filter((r) => can([r], 'credit.evaluate'))).toEqual([
      'sales',
      'assistant',
      'regional_manager',
      'sales_manager',
      'finance',
      'commerce',
      'executive',
      'admin',
    ]);
    expect(can(['auditor'], 'credit.evaluate')).toBe(false);
  });
  it('lets managers who talk to the customer, finance and executives set a downgrade aside, not the salesperson', () => {
    expect(ALL_ROLES.filter((r) => can([r], 'credit.justify'))).toEqual([
      'regional_manager',
      'sales_manager',
      'finance',
      'executive',
    ]);
  });
  it('leaves the re-evaluation run to admins, finance and executives', () => {
    expect(ALL_ROLES.filter((r) => can([r], 'jobs.reevaluation'))).toEqual(['finance', 'executive', 'admin']);
  });
  it('shows every role the exchange rates, and lets finance and admins enter them from their menu', () => {
    for (const role of ALL_ROLES) expect(can([role], 'fx.view'), role).toBe(true);
    expect(ALL_ROLES.filter((r) => can([r], 'fx.manage'))).toEqual(['finance', 'admin']);
    const withEntry = ALL_ROLES.filter((r) => MENU.filter((m) => can([r], m.capability)).some((m) => m.path === '/fx-rates'));
    expect(withEntry).toEqual(['finance', 'admin']);
  });
  it('gives nothing without roles', () => {
    expect(can([], 'customers.view')).toBe(false);
    expect(can(undefined, 'customers.view')).toBe(false);
  });
  it('shows a salesperson no administration entry', () => {
    const entries = MENU.filter((m) => can(['sales'], m.capability)).map((m) => m.path);
    expect(entries).toEqual([
      '/',
      '/customers',
      '/customers/import',
      '/orders',
      '/credit-applications',
      '/collection-cases',
      '/alerts',
      '/reviews',
      '/reports/receivables',
      '/reports/analytics',
    ]);
  });
  it('shows the auditor the audit trail but not the import', () => {
    const entries = MENU.filter((m) => can(['auditor'], m.capability)).map((m) => m.path);
    expect(entries).toEqual([
      '/',
      '/customers',
      '/orders',
      '/credit-applications',
      '/collection-cases',
      '/audit',
      '/alerts',
      '/reviews',
      '/reports/dashboard',
      '/reports/tiers',
      '/reports/movers',
      '/reports/both-ends',
      '/reports/anomalies',
      '/reports/receivables',
      '/reports/analytics',
    ]);
  });
  it('lets every manager read the reports, and leaves alerting management to sales managers, executives and admins', () => {
    expect(MENU.filter((m) => can(['sales'], m.capability)).map((m) => m.path)).not.toContain('/reports/both-ends');
    expect(ALL_ROLES.filter((r) => can([r], 'reports.raise'))).toEqual(['sales_manager', 'executive', 'admin']);
  });
  it('opens the Reports group with the dashboard, for the roles that read the reports', () => {
    const items = menuItems(MENU.filter((m) => can(['finance'], m.capability)), (e) => e.path, (g) => g);
    const reports = items.find((i) => i?.key === 'reports') as { children: { key: string }[] } | undefined;
    expect(reports?.children[0]?.key).toBe('/reports/dashboard');
    const readers = ALL_ROLES.filter((r) => MENU.some((m) => m.path === '/reports/dashboard' && can([r], m.capability)));
    expect(readers).toEqual(ALL_ROLES.filter((r) => can([r], 'reports.view')));
    expect(readers).not.toContain('sales');
  });
  it('shows every role the receivables reports, in the Reports group', () => {
    for (const role of ALL_ROLES) expect(can([role], 'reports.receivables'), role).toBe(true);
    const items = menuItems(MENU, (e) => e.path, (g) => g);
    const reports = items.find((i) => i?.key === 'reports') as { children: { key: string }[] } | undefined;
    expect(reports?.children.map((c) => c.key)).toContain('/reports/receivables');
    expect(items.filter((i) => i?.key === 'reports')).toHaveLength(1);
    expect(items.some((i) => i?.key === '/reports/receivables')).toBe(false);
  });
});

describe('collections access', () => {
  it('lets the collectors work cases, finance and executives decide write-offs', () => {
    expect(ALL_ROLES.filter((r) => can([r], 'collections.work'))).toEqual(['sales', 'regional_manager', 'sales_manager', 'finance', 'admin']);
    expect(ALL_ROLES.filter((r) => can([r], 'collections.decide'))).toEqual(['finance', 'executive']);
    expect(can(['assistant'], 'collections.view')).toBe(false);
  });
});

describe('analytics', () => {
  it('lets every role see the analytics of its scope, and finance, executives and admins train the delay model', () => {
    for (const role of ALL_ROLES) expect(can([role], 'analytics.view')).toBe(true);
    expect(ALL_ROLES.filter((r) => can([r], 'analytics.train'))).toEqual(['finance', 'executive', 'admin']);
  });
  it('puts the reports in their own menu group', () => {
    const items = menuItems(MENU, (e) => e.path, (g) => `nav.${g}`);
    const group = items.find((i) => i.key === 'reports');
    expect(group?.label).toBe('nav.reports');
    expect(group?.children?.map((c) => c.key)).toContain('/reports/analytics');
    expect(items.some((i) => i.key.startsWith('/reports/'))).toBe(false);
  });
});

describe('selectedMenuKey', () => {
  const paths = ['/', '/customers', '/customers/import', '/admin/users'];
  it('picks the longest entry that holds the page', () => {
    expect(selectedMenuKey('/customers/42/edit', paths)).toBe('/customers');
    expect(selectedMenuKey('/customers/import', paths)).toBe('/customers/import');
    expect(selectedMenuKey('/', paths)).toBe('/');
    expect(selectedMenuKey('/nowhere', paths)).toBeUndefined();
    expect(selectedMenuKey('/orders/new', [...paths, '/orders'])).toBe('/orders');
  });
});
