// The labels of groups and classes: tiers and grades by their codes, regions by their names, the empty
// group ("no grade", "unassigned") translated.
import type { TFunction } from 'i18next';
import type { DistributionBy } from './api';

export function groupLabel(t: TFunction, by: DistributionBy, key: string, label: string): string {
  if (by === 'tier') return t('classification.tier_label', { tier: key });
  if (by === 'grade') return key ? t('classification.grade_label', { grade: key }) : t('classification.ungraded');
  if (by === 'owner' && !key) return t('classification.unassigned');
  return label || key;
}
