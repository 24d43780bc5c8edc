// The route table: every page with the capability it needs and, for top-level pages, its menu entry.
// Pages load on demand, so that the login page and the customer list stay small. Later capabilities
// (receivables, reports) add their pages here with their capability; the menu shows a page
// only to roles that may use it.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import type { Capability } from './access';
import { useAuth } from './auth';
import { AppLayout } from './AppLayout';

export interface MenuEntry {
  path: string;
  labelKey: string;
  icon: string;
  capability: Capability;
  /** The submenu the entry sits in (key `reports`: the reports group), or none: a top-level entry. */
  group?: 'reports';
}

/** The menu, in order; a role sees the entries whose capability it holds. */
export const MENU: MenuEntry[] = [
  { path: '/', labelKey: 'nav.home', icon: 'home', capability: 'customers.view' },
  { path: '/customers', labelKey: 'nav.customers', icon: 'customers', capability: 'customers.view' },
  { path: '/customers/import', labelKey: 'nav.import', icon: 'import', capability: 'customers.import' },
  { path: '/orders', labelKey: 'nav.orders', icon: 'orders', capability: 'orders.view' },
  { path: '/credit-applications', labelKey: 'nav.approvals', icon: 'approvals', capability: 'approvals.view' },
  { path: '/collection-cases', labelKey: 'nav.collections', icon: 'collections', capability: 'collections.view' },
  // Every role may read the rates (/fx-rates); the menu leads there the roles that enter them.
  { path: '/fx-rates', labelKey: 'nav.fx_rates', icon: 'fx', capability: 'fx.manage' },
  { path: '/assignments', labelKey: 'nav.assignments', icon: 'assignments', capability: 'customers.assign' },
  { path: '/admin/users', labelKey: 'nav.users', icon: 'users', capability: 'users.manage' },
  { path: '/admin/policies', labelKey: 'nav.policies', icon: 'policies', capability: 'policies.view' },
  { path: '/audit', labelKey: 'nav.audit', icon: 'audit', capability: 'audit.view' },
  { path: '/alerts', labelKey: 'nav.alerts', icon: 'alerts', capability: 'alerts.view' },
  // Classification and dynamic management (CL-5, DY-2…DY-4)
  { path: '/reviews', labelKey: 'nav.reviews', icon: 'reviews', capability: 'reviews.view' },
  // The dashboard (RP-1) opens the reports group: one page of what the reports below hold in full.
  { path: '/reports/dashboard', labelKey: 'nav.dashboard', icon: 'dashboard', capability: 'reports.view', group: 'reports' },
  { path: '/reports/tiers', labelKey: 'nav.tiers', icon: 'tiers', capability: 'reports.view', group: 'reports' },
  { path: '/reports/movers', labelKey: 'nav.movers', icon: 'movers', capability: 'reports.view', group: 'reports' },
  { path: '/reports/both-ends', labelKey: 'nav.both_ends', icon: 'both_ends', capability: 'reports.view', group: 'reports' },
  { path: '/reports/anomalies', labelKey: 'nav.anomalies', icon: 'anomalies', capability: 'reports.view', group: 'reports' },
  { path: '/reports/receivables', labelKey: 'nav.receivables', icon: 'receivables', capability: 'reports.receivables', group: 'reports' },
  { path: '/reports/analytics', labelKey: 'nav.analytics', icon: 'analytics', capability: 'analytics.view', group: 'reports' },
];

function page(load: () => Promise<{ default: ComponentType }>, capability?: Capability) {
  const Page = lazy(load);
  return (
    <Guard capability={capability}>
      <Suspense fallback={<PageSpinner />}>
        <Page />
      </Suspense>
    </Guard>
  );
}

export function PageSpinner() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}

function Guard({ capability, children }: { capability?: Capability | undefined; children: ReactNode }) {
  const auth = useAuth();
  if (capability && !auth.can(capability)) return <Navigate to="/" replace />;
  return <>{children}</>;
}

function RequireSession() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.loading) return <PageSpinner />;
  if (!auth.user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <AppLayout>
      <Outlet />
    </AppLayout>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: page(() => import('@/features/auth/LoginPage')) },
  {
    path: '/',
    element: <RequireSession />,
    children: [
      { index: true, element: page(() => import('@/features/customers/pages/OverviewPage'), 'customers.view') },
      { path: 'customers', element: page(() => import('@/features/customers/pages/CustomerListPage'), 'customers.view') },
      { path: 'customers/new', element: page(() => import('@/features/customers/pages/CustomerCreatePage'), 'customers.write') },
      { path: 'customers/import', element: page(() => import('@/features/customers/pages/ImportPage'), 'customers.import') },
      { path: 'customers/:id', element: page(() => import('@/features/customers/pages/CustomerPage'), 'customers.view') },
      { path: 'customers/:id/edit', element: page(() => import('@/features/customers/pages/CustomerEditPage'), 'customers.write') },
      { path: 'orders', element: page(() => import('@/features/orders/pages/OrderListPage'), 'orders.view') },
      { path: 'orders/new', element: page(() => import('@/features/orders/pages/NewOrderPage'), 'orders.enter') },
      { path: 'orders/:id', element: page(() => import('@/features/orders/pages/OrderPage'), 'orders.view') },
      { path: 'orders/:id/edit', element: page(() => import('@/features/orders/pages/OrderEditPage'), 'orders.enter') },
      { path: 'credit-applications', element: page(() => import('@/features/approvals/pages/ApplicationListPage'), 'approvals.view') },
      { path: 'credit-applications/new', element: page(() => import('@/features/approvals/pages/NewApplicationPage'), 'approvals.apply') },
      { path: 'credit-applications/:id', element: page(() => import('@/features/approvals/pages/ApplicationPage'), 'approvals.view') },
      { path: 'collection-cases', element: page(() => import('@/features/collections/pages/CaseListPage'), 'collections.view') },
      { path: 'collection-cases/:id', element: page(() => import('@/features/collections/pages/CasePage'), 'collections.view') },
      { path: 'admin/users', element: page(() => import('@/features/admin/UsersPage'), 'users.manage') },
      { path: 'audit', element: page(() => import('@/features/audit/AuditPage'), 'audit.view') },
      { path: 'assignments', element: page(() => import('@/features/ownership/ProposalPage'), 'customers.assign') },
      { path: 'alerts', element: page(() => import('@/features/alerts/AlertsPage'), 'alerts.view') },
      { path: 'fx-rates', element: page(() => import('@/features/fx/FxRatesPage'), 'fx.view') },
      { path: 'reports/analytics', element: page(() => import('@/features/analytics/AnalyticsPage'), 'analytics.view') },
      { path: 'reports/receivables', element: page(() => import('@/features/receivables/ReceivablesPage'), 'reports.receivables') },
      { path: 'reports/dashboard', element: page(() => import('@/features/reports/DashboardPage'), 'reports.view') },
      { path: 'reports/both-ends', element: page(() => import('@/features/reports/BothEndsPage'), 'reports.view') },
      { path: 'reports/anomalies', element: page(() => import('@/features/reports/AnomaliesPage'), 'reports.view') },
      { path: 'admin/policies', element: page(() => import('@/features/admin/PoliciesPage'), 'policies.view') },
      { path: 'account', element: page(() => import('@/features/account/AccountPage')) },
      { path: 'reviews', element: page(() => import('@/features/classification/DueReviewsPage'), 'reviews.view') },
      { path: 'reports/tiers', element: page(() => import('@/features/classification/DistributionPage'), 'reports.view') },
      { path: 'reports/movers', element: page(() => import('@/features/classification/MoversPage'), 'reports.view') },
      { path: '*', element: page(() => import('./NotFoundPage')) },
    ],
  },
]);
