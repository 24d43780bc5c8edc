// Shares as the reports show them: basis points (the server's, which always add up to 10000) as a
// percentage with two decimals, never recomputed in floating point.
export function formatShare(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = String(bp % 100).padStart(2, '0');
  return `${whole}.${rest} %`;
}

/** The total row of a distribution: counts and basis points summed (10000 whenever anything is counted). */
export function totals(groups: readonly { count: number; share_bp: number }[]): { count: number; share_bp: number } {
  return groups.reduce((t, g) => ({ count: t.count + g.count, share_bp: t.share_bp + g.share_bp }), { count: 0, share_bp: 0 });
}
