// The rules the collections pages show before the server decides: the stages in order (a case moves
// forward freely, back only with a reason — domain/collections on the server), the state colours, and
// who may decide a pending write-off (the due step's role, never the requester, never two steps).
import type { Role } from '@/app/access';
import type { CaseStage, WriteOff } from './api';

export const STAGES: readonly CaseStage[] = ['reminder', 'warning', 'formal_demand', 'legal'];
export const OUTCOMES = ['paid', 'partially_paid', 'written_off', 'settled', 'legal'] as const;
export const ACTION_KINDS = ['call', 'visit', 'letter', 'email'] as const;

export const STAGE_COLORS: Record<CaseStage, string> = {
  reminder: 'blue',
  warning: 'gold',
  formal_demand: 'orange',
  legal: 'red',
};
export const PROMISE_COLORS: Record<'pending' | 'kept' | 'broken', string> = {
  pending: 'default',
  kept: 'green',
  broken: 'red',
};

export function stageIndex(stage: CaseStage): number {
  return STAGES.indexOf(stage);
}

/** Whether moving from `from` to `to` needs a reason (a move back); the same stage is no move. */
export function needsReason(from: CaseStage, to: CaseStage): boolean {
  return stageIndex(to) < stageIndex(from);
}

export interface SignedIn {
  id: number;
  roles: readonly Role[];
}

/** Whether the user may decide the write-off's due step now. */
export function mayDecideWriteOff(w: WriteOff, user: SignedIn | null | undefined): boolean {
  if (!user || w.status !== 'pending' || !w.next_step) return false;
  if (!user.roles.includes(w.next_step as Role)) return false;
  if (w.requested_by === user.id) return false;
  return !(w.decisions ?? []).some((d) => d.actor_id === user.id);
}
