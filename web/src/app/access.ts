// What each role may see and do in the interface: the one place where roles become capabilities.
// The server decides again on every request (ARCHITECTURE decision 9); this only keeps people away
// from pages and buttons they could not use.
import type { Schemas } from '@/api/client';

export type Role = Schemas['Role'];

export type Capability =
  | 'customers.view'
  | 'customers.write'
  | 'customers.import'
  | 'customers.export'
  | 'customers.assign'
  | 'policies.view'
  | 'policies.edit'
  | 'credit.view'
  | 'credit.manage'
  | 'fx.view'
  | 'fx.manage'
  | 'orders.view'
  | 'orders.enter'
  | 'orders.release'
  | 'receivables.keep'
  | 'receivables.view'
  | 'approvals.view'
  | 'approvals.apply'
  | 'credit.evaluate'
  | 'credit.justify'
  | 'jobs.reevaluation'
  | 'collections.view'
  | 'collections.work'
  | 'collections.decide'
  | 'jobs.reminders'
  | 'reports.view'
  | 'reports.raise'
  | 'reports.receivables'
  | 'analytics.view'
  | 'analytics.train'
  | 'audit.view'
  | 'alerts.view'
  | 'users.manage'
  | 'reviews.view'
  | 'reviews.mark';

export const ALL_ROLES: Role[] = [
  'sales',
  'assistant',
  'regional_manager',
  'sales_manager',
  'finance',
  'commerce',
  'executive',
  'admin',
  'auditor',
];
const WRITERS: Role[] = ALL_ROLES.filter((r) => r !== 'auditor');
// Orders are entered by the roles that change customer files, except finance, which releases and invoices them.
const ORDER_ENTRY: Role[] = WRITERS.filter((r) => r !== 'finance');

const GRANTS: Record<Capability, Role[]> = {
  'customers.view': ALL_ROLES,
  'customers.write': WRITERS,
  'customers.import': WRITERS,
  'customers.export': ALL_ROLES,
  'customers.assign': ['regional_manager', 'sales_manager', 'executive', 'admin'],
  'policies.view': ['sales_manager', 'executive', 'admin'],
  'policies.edit': ['admin'],
  'credit.view': ['sales', 'regional_manager', 'sales_manager', 'finance', 'commerce', 'executive', 'admin', 'auditor'],
  'credit.manage': ['finance', 'executive', 'admin'], // hold, temporary exceptions, ratings, credit insurance
  'fx.view': ALL_ROLES, // the exchange rates orders and invoices convert at
  'fx.manage': ['finance', 'admin'], // entering a currency's rate from a day on
  'orders.view': ALL_ROLES, // within each role's read scope
  'orders.enter': ORDER_ENTRY, // enter, amend, copy, cancel
  'orders.release': ['finance', 'executive'], // an order on credit hold, with a written reason
  'receivables.keep': ['finance', 'admin'], // invoices and payments
  'receivables.view': ['sales', 'regional_manager', 'sales_manager', 'finance', 'executive', 'admin', 'auditor'],
  'approvals.view': ALL_ROLES, // credit applications within each role's read scope
  'approvals.apply': ['sales', 'assistant'], // for customers they may change; the chain decides
  'credit.justify': ['regional_manager', 'sales_manager', 'finance', 'executive'], // AP-2: a downgrade set aside
  'credit.evaluate': WRITERS, // the eight-factor evaluation: the roles that change customer files (finance among them)
  'jobs.reevaluation': ['admin', 'finance', 'executive'], // the quarterly re-evaluation, run by hand for a date
  // AR-4: collection cases within each role's read scope; worked (opened, moved, actions, promises, write-off
  // requests) by salespeople, regional and sales managers, finance and admins within their write scope.
  'collections.view': ['sales', 'regional_manager', 'sales_manager', 'finance', 'commerce', 'executive', 'admin', 'auditor'],
  'collections.work': ['sales', 'regional_manager', 'sales_manager', 'finance', 'admin'],
  'collections.decide': ['finance', 'executive'], // write-offs: finance, then an executive
  'jobs.reminders': ['admin', 'finance', 'sales_manager'], // the day's reminders, run by hand for a date
  'reports.view': ['regional_manager', 'sales_manager', 'finance', 'commerce', 'executive', 'admin', 'auditor'],
  'reports.raise': ['sales_manager', 'executive', 'admin'], // the anomalies into the inboxes (RP-3)
  'reports.receivables': ALL_ROLES, // aging and KPIs, each role within its read scope (sales: its own customers)
  'analytics.view': ALL_ROLES, // segments and delay risk of the customers within each role's read scope
  'analytics.train': ['finance', 'executive', 'admin'], // the payment-delay model, trained on the whole history
  'audit.view': ['admin', 'auditor'],
  'alerts.view': ALL_ROLES, // each user's own inbox
  'users.manage': ['admin'],
  'reviews.view': ALL_ROLES, // the periodic reviews due (DY-3), within each role's read scope
  'reviews.mark': WRITERS, // those who change the file, finance among them
};

export function can(roles: readonly Role[] | undefined, capability: Capability): boolean {
  if (!roles) return false;
  return roles.some((r) => GRANTS[capability].includes(r));
}
