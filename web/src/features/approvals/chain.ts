// The approval chain as the server runs it (SPEC AP-1): regional manager → sales manager → finance →
// executive, the executive only for a limit above 1,000,000.00 in the base currency. The applicant never
// decides, one person decides one step of a round, and a returned application goes back to its applicant.
import type { Schemas } from '@/api/client';
import type { Role } from '@/app/access';
import { compareDecimal } from '@/lib/decimal';
import type { Application, Decision } from './api';

export const CHAIN: readonly Role[] = ['regional_manager', 'sales_manager', 'finance', 'executive'];

/** The executive decides only above this limit (in the base currency). */
export const EXECUTIVE_ABOVE = '1000000.00';

export type StepState = 'approved' | 'rejected' | 'returned' | 'current' | 'waiting';

export interface ChainStep {
  role: Role;
  state: StepState;
  /** The decision of the current round at this step, if any. */
  decision?: Decision;
}

type User = Pick<Schemas['User'], 'id' | 'roles'>;

/** The decisions of the application's current round, in order. */
export function currentRound(a: Application): Decision[] {
  return (a.decisions ?? []).filter((d) => d.round === a.round);
}

/**
 * Whether the executive's step applies. What the server said counts first (the executive's step is due
 * or decided; the chain ended with finance's approval); otherwise the requested limit is compared with
 * 1,000,000.00, which is exact when the limit is in the base currency (the server converts any other).
 */
export function executiveApplies(a: Application): boolean {
  if (a.next_step === 'executive') return true;
  const round = currentRound(a);
  if (round.some((d) => d.step === 'executive')) return true;
  const last = round[round.length - 1];
  if (a.status === 'approved' && last?.step === 'finance') return false;
  return compareDecimal(a.limit.amount, EXECUTIVE_ABOVE) === 1;
}

/** The steps that apply to the application, each with its state in the current round. */
export function chainSteps(a: Application): ChainStep[] {
  const roles = executiveApplies(a) ? CHAIN : CHAIN.filter((r) => r !== 'executive');
  const round = currentRound(a);
  // Without the server's next step (a list item), the first step without a decision is due.
  const due = a.status !== 'pending' ? null : (a.next_step ?? roles.find((r) => !round.some((d) => d.step === r)) ?? null);
  return roles.map((role) => {
    const decision = round.find((d) => d.step === role);
    if (decision) {
      const state: StepState =
        decision.decision === 'approve' ? 'approved' : decision.decision === 'reject' ? 'rejected' : 'returned';
      return { role, state, decision };
    }
    return { role, state: role === due ? 'current' : 'waiting' };
  });
}

export function isApplicant(a: Application, user: User | null | undefined): boolean {
  return !!user && a.applicant_id !== null && a.applicant_id === user.id;
}

/**
 * Whether the user may decide the step that is due: they hold its role, did not apply, and decided no
 * earlier step of this round.
 */
export function mayDecide(a: Application, user: User | null | undefined): boolean {
  if (!user || a.status !== 'pending' || !a.next_step) return false;
  if (!user.roles.includes(a.next_step as Role)) return false;
  if (isApplicant(a, user)) return false;
  return !currentRound(a).some((d) => d.actor_id === user.id);
}

/** Whether the user is the applicant of a returned application, who may change it and submit it again. */
export function mayResubmit(a: Application, user: User | null | undefined): boolean {
  return a.status === 'returned' && isApplicant(a, user);
}
