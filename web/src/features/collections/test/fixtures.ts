// Cases, write-offs and reminders as the API answers them, for the collections feature's tests.
import type { CollectionCase, CaseSummary, Reminder, WriteOff } from '../api';

export const money = (amount: string, currency = 'CNY') => ({ amount, currency });

export function summary(changes: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: 5,
    customer_id: 7,
    customer_code: 'C2026000007',
    customer_name: 'Acme Ltd',
    owner_id: 3,
    stage: 'warning',
    status: 'open',
    outcome: null,
    outcome_note: '',
    opened_on: '2026-10-01',
    closed_on: null,
    opened_by: 3,
    opened_by_name: 'sales.east1',
    note: '',
    updated_at: '2026-11-20T08:00:00Z',
    version: 2,
    broken_promises: 0,
    ...changes,
  };
}

export function writeOff(changes: Partial<WriteOff> = {}): WriteOff {
  return {
    id: 31,
    invoice_id: 40,
    invoice_number: 'INV00000040',
    customer_id: 7,
    customer_code: 'C2026000007',
    customer_name: 'Acme Ltd',
    case_id: 5,
    amount: money('500.00'),
    reason: 'Bankrupt',
    status: 'pending',
    next_step: 'finance',
    requested_by: 3,
    requester_name: 'sales.east1',
    entry_id: null,
    created_at: '2026-11-20T08:00:00Z',
    decisions: [],
    ...changes,
  };
}

export function collectionCase(changes: Partial<CollectionCase> = {}): CollectionCase {
  return {
    ...summary(),
    actions: [
      {
        id: 1,
        kind: 'stage',
        day: '2026-10-05',
        note: '',
        from_stage: 'reminder',
        to_stage: 'warning',
        actor_id: 3,
        actor_name: 'sales.east1',
      },
      { id: 2, kind: 'call', day: '2026-10-06', note: 'Promised to pay', from_stage: null, to_stage: null, actor_id: 3, actor_name: 'sales.east1' },
    ],
    promises: [
      {
        id: 1,
        case_id: 5,
        amount: money('300.00'),
        made_on: '2026-10-06',
        promised_date: '2026-10-31',
        note: '',
        collected: money('100.00'),
        state: 'broken',
      },
    ],
    invoices: [
      { id: 40, number: 'INV00000040', issue_date: '2026-08-01', due_date: '2026-08-31', amount: money('1000.00'), open: money('900.00') },
    ],
    write_offs: [],
    ...changes,
  };
}

export function reminder(changes: Partial<Reminder> = {}): Reminder {
  return {
    id: 1,
    customer_id: 7,
    day: '2026-11-07',
    items: [{ invoice_id: 40, number: 'INV00000040', due_date: '2026-10-31', offset: 7, open: money('900.00') }],
    created_at: '2026-11-07T00:00:00Z',
    ...changes,
  };
}

export const user = (roles: string[], id = 9) => ({
  id,
  username: roles.join('+'),
  display_name: 'Test',
  roles,
  region: null,
  language: null,
});
