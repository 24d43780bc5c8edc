// A cluster's profile in words: its traits (features far above or below the overall mean, strongest
// first) each turned into a phrase of the reader's language, joined by the language's list separator.
import type { TFunction } from 'i18next';
import type { SegmentTrait } from './api';

/** The translation key of a trait's phrase: analytics.trait.<feature>.<high|low>. */
export function traitKey(trait: Pick<SegmentTrait, 'feature' | 'direction'>): string {
  return `analytics.trait.${trait.feature}.${trait.direction}`;
}

/** "Large buyers, pay on time" — or the phrase for a cluster close to the average everywhere. */
export function describeCluster(traits: SegmentTrait[], t: TFunction): string {
  if (traits.length === 0) return t('analytics.trait.average');
  const phrases = traits.map((tr) => t(traitKey(tr)));
  const sentence = phrases.join(t('analytics.trait.separator'));
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
