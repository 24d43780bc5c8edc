// The distributions (CL-5) as the classification pages and the dashboard show them: each group's label —
// tiers and grades by their codes, regions by their names, the empty group ("no grade", "unassigned")
// translated — and shares as basis points (the server's, which always add up to 10000) shown as a
// percentage with two decimals, never recomputed in floating point.
import type { TFunction } from 'i18next';
import type { Schemas } from '@/api/client';

export type DistributionBy = Schemas['Distribution']['by'];

export function groupLabel(t: TFunction, by: DistributionBy, key: string, label: string): string {
  if (by === 'tier') return t('classification.tier_label', { tier: key });
  if (by === 'grade') return key ? t('classification.grade_label', { grade: key }) : t('classification.ungraded');
  if (by === 'owner' && !key) return t('classification.unassigned');
  return label || key;
}

export function formatShare(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = String(bp % 100).padStart(2, '0');
  return `${whole}.${rest} %`;
}

/** The total row of a distribution: counts and basis points summed (10000 whenever anything is counted). */
export function totals(groups: readonly { count: number; share_bp: number }[]): { count: number; share_bp: number } {
  return groups.reduce((t, g) => ({ count: t.count + g.count, share_bp: t.share_bp + g.share_bp }), { count: 0, share_bp: 0 });
}
