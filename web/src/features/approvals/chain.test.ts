import { describe, expect, it } from 'vitest';
import { chainSteps, executiveApplies, mayDecide, mayResubmit } from './chain';
import { application, decision, money, user } from './test/fixtures';

const roles = (a: Parameters<typeof chainSteps>[0]) => chainSteps(a).map((s) => s.role);

describe('chainSteps', () => {
  it('leaves the executive out up to 1,000,000.00 and puts it last above', () => {
    expect(roles(application({ limit: money('999999.99') }))).toEqual(['regional_manager', 'sales_manager', 'finance']);
    expect(roles(application({ limit: money('1000000.00') }))).toEqual(['regional_manager', 'sales_manager', 'finance']);
    expect(roles(application({ limit: money('1000000.01') }))).toEqual([
      'regional_manager',
      'sales_manager',
      'finance',
      'executive',
    ]);
  });

  it('believes the server over the amount: an executive step due or decided, or a chain that ended at finance', () => {
    // A limit in another currency than the base is converted by the server.
    expect(executiveApplies(application({ limit: money('200000.00', 'USD'), next_step: 'executive' }))).toBe(true);
    const approvedAtFinance = application({
      limit: money('1200000.00', 'HKD'),
      status: 'approved',
      next_step: null,
      decisions: [
        decision(),
        decision({ step: 'sales_manager', actor_id: 5 }),
        decision({ step: 'finance', actor_id: 6 }),
      ],
    });
    expect(executiveApplies(approvedAtFinance)).toBe(false);
    expect(chainSteps(approvedAtFinance).map((s) => s.state)).toEqual(['approved', 'approved', 'approved']);
  });

  it('marks the decided steps of the current round and the one that is due', () => {
    const a = application({
      limit: money('2000000.00'),
      round: 2,
      next_step: 'sales_manager',
      decisions: [
        decision({ round: 1, decision: 'return', comment: 'Attach the report' }),
        decision({ round: 2 }),
      ],
    });
    expect(chainSteps(a).map((s) => [s.role, s.state])).toEqual([
      ['regional_manager', 'approved'],
      ['sales_manager', 'current'],
      ['finance', 'waiting'],
      ['executive', 'waiting'],
    ]);
    const rejected = application({ status: 'rejected', next_step: null, decisions: [decision({ decision: 'reject', comment: 'No' })] });
    expect(chainSteps(rejected).map((s) => s.state)).toEqual(['rejected', 'waiting', 'waiting']);
  });
});

describe('who decides', () => {
  const due = application({ next_step: 'sales_manager', decisions: [decision({ actor_id: 4 })] });

  it('is a holder of the due step’s role only', () => {
    expect(mayDecide(due, user(['sales_manager']))).toBe(true);
    expect(mayDecide(due, user(['regional_manager']))).toBe(false);
    expect(mayDecide(due, user(['finance', 'admin']))).toBe(false);
    expect(mayDecide(application({ status: 'approved', next_step: null }), user(['sales_manager']))).toBe(false);
  });

  it('is never the applicant, nor who decided an earlier step of the round', () => {
    expect(mayDecide(due, user(['sales', 'sales_manager'], 3))).toBe(false);
    expect(mayDecide(due, user(['regional_manager', 'sales_manager'], 4))).toBe(false);
    expect(mayDecide(due, null)).toBe(false);
  });

  it('lets only the applicant resubmit a returned application', () => {
    const returned = application({ status: 'returned', next_step: null });
    expect(mayResubmit(returned, user(['sales'], 3))).toBe(true);
    expect(mayResubmit(returned, user(['sales'], 8))).toBe(false);
    expect(mayResubmit(application(), user(['sales'], 3))).toBe(false);
  });
});
