import { describe, expect, it } from 'vitest';
import { formatShare, totals } from './distribution';

describe('shares', () => {
  it('formats basis points as a percentage with two decimals', () => {
    expect(formatShare(10000)).toBe('100.00 %');
    expect(formatShare(3334)).toBe('33.34 %');
    expect(formatShare(5)).toBe('0.05 %');
    expect(formatShare(0)).toBe('0.00 %');
  });
  it('sums counts and shares for the total row', () => {
    expect(totals([
      { count: 1, share_bp: 3334 },
      { count: 1, share_bp: 3333 },
      { count: 1, share_bp: 3333 },
    ])).toEqual({ count: 3, share_bp: 10000 });
    expect(totals([])).toEqual({ count: 0, share_bp: 0 });
  });
});
