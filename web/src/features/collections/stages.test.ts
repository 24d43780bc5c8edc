import { describe, expect, it } from 'vitest';
import { mayDecideWriteOff, needsReason, stageIndex, STAGES } from './stages';
import { writeOff } from './test/fixtures';

describe('collection stages', () => {
  it('orders the stages and asks a reason only to move back', () => {
    expect(STAGES.map(stageIndex)).toEqual([0, 1, 2, 3]);
    expect(needsReason('reminder', 'legal')).toBe(false);
    expect(needsReason('formal_demand', 'warning')).toBe(true);
    expect(needsReason('warning', 'warning')).toBe(false);
  });

  it('lets the due step decide a write-off, never its requester nor an earlier decider', () => {
    const pending = writeOff({ next_step: 'finance', requested_by: 3 });
    expect(mayDecideWriteOff(pending, { id: 9, roles: ['finance'] })).toBe(true);
    expect(mayDecideWriteOff(pending, { id: 9, roles: ['executive'] })).toBe(false);
    expect(mayDecideWriteOff(pending, { id: 3, roles: ['finance'] })).toBe(false);
    const second = writeOff({
      next_step: 'executive',
      decisions: [{ step: 'finance', decision: 'approve', actor_id: 9, actor_name: 'cfo', comment: '', at: '2026-11-20T08:00:00Z' }],
    });
    expect(mayDecideWriteOff(second, { id: 9, roles: ['finance', 'executive'] })).toBe(false);
    expect(mayDecideWriteOff(second, { id: 10, roles: ['executive'] })).toBe(true);
    expect(mayDecideWriteOff(writeOff({ status: 'approved', next_step: null }), { id: 10, roles: ['executive'] })).toBe(false);
  });
});
