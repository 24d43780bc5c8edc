// Pure helpers of the dashboard (RP-1): the utilization bands' labels (their middle boundaries are the
// alert levels in force, given by the server) and colours, and the charts' options. Counts and basis
// points come from the server and are drawn as they are; money stays in the API's decimal strings.
import type { TFunction } from 'i18next';
import type { Language } from '@/i18n/languages';
import { formatNumber } from '@/lib/format';
import { UTILIZATION_BANDS, type ExposureSummary, type UtilizationBand } from './api';

// From unused to breached: grey for no limit, green to red as more of the limit is used.
export const BAND_COLORS: Record<UtilizationBand, string> = {
  no_limit: '#bfbfbf',
  below_half: '#52c41a',
  half_to_first: '#a0d911',
  first_to_second: '#faad14',
  second_to_limit: '#fa541c',
  over_limit: '#a8071a',
};

/** Basis points as a percentage in the language: 8000 → "80%", 8250 → "82.5%". */
export function percentOf(bp: number, language: Language, digits = 2): string {
  return formatNumber(bp / 10000, language, { style: 'percent', maximumFractionDigits: digits });
}

/** A band's name with its boundaries: "80% – 90%" with the default levels. */
export function bandLabel(t: TFunction, band: UtilizationBand, levels: ExposureSummary['levels'], language: Language): string {
  return t(`dashboard.band.${band}`, {
    half: percentOf(5000, language),
    first: percentOf(levels.first_bp, language),
    second: percentOf(levels.second_bp, language),
    full: percentOf(10000, language),
  });
}

/** The accounts per band as one bar each, in the server's band order, coloured by band. */
export function bandChartOption(exposure: ExposureSummary, labelOf: (band: UtilizationBand) => string) {
  const counts = new Map(exposure.bands.map((b) => [b.band, b.accounts]));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: UTILIZATION_BANDS.map(labelOf) },
    series: [
      {
        type: 'bar',
        data: UTILIZATION_BANDS.map((b) => ({ value: counts.get(b) ?? 0, itemStyle: { color: BAND_COLORS[b] } })),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** A ring of the groups that hold anyone, labelled by `labelOf`. */
export function distributionPieOption(groups: readonly { key: string; label: string; count: number }[], labelOf: (key: string, label: string) => string) {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: groups.filter((g) => g.count > 0).map((g) => ({ name: labelOf(g.key, g.label), value: g.count })),
      },
    ],
  };
}
