// The words of customer files in the interface language: catalog field names, groups, enumeration
// values and regions. Keys missing from a translation fall back to English, then to the key itself.
import { useTranslation } from 'react-i18next';
import { useCallback, useMemo } from 'react';
import { useRegions } from './api';

export type EnumName =
  | 'kind'
  | 'nature'
  | 'importance'
  | 'lifecycle'
  | 'stage'
  | 'activity_type'
  | 'ownership_type'
  | 'market_orientation'
  | 'payment_method';

/** The enumeration a catalog enum field takes its options from. */
export const FIELD_ENUMS: Record<string, EnumName> = {
  ownership_type: 'ownership_type',
  market_orientation: 'market_orientation',
  payment_method: 'payment_method',
};

export function useLabels() {
  const { t } = useTranslation();
  const regions = useRegions();
  const regionNames = useMemo(
    () => new Map((regions.data?.items ?? []).map((r) => [r.code, r.name])),
    [regions.data],
  );
  const field = useCallback((key: string) => t(`fields.${key}`, { defaultValue: key }), [t]);
  const group = useCallback((key: string) => t(`groups.${key}`, { defaultValue: key }), [t]);
  const enumValue = useCallback(
    (name: EnumName, value: string | null | undefined) =>
      value ? t(`enums.${name}.${value}`, { defaultValue: value }) : '',
    [t],
  );
  const region = useCallback(
    (code: string | null | undefined) =>
      code ? t(`regions.${code}`, { defaultValue: regionNames.get(code) ?? code }) : '',
    [t, regionNames],
  );
  return { field, group, enumValue, region, regions: regions.data?.items ?? [] };
}
