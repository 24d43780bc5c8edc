// What an alert says, per kind, in the interface language; and where clicking it leads.
import type { TFunction } from 'i18next';
import type { Schemas } from '@/api/client';
import type { Language } from '@/i18n/languages';
import { formatDate, formatMoney, formatNumber } from '@/lib/format';

export type Alert = Schemas['Alert'];
export type AlertKind = Alert['kind'];

export const ALERT_KINDS: readonly AlertKind[] = [
  'pool_return',
  'leak_reads',
  'leak_exports',
  'utilization',
  'report_expiring',
  'report_expired',
  'anomaly',
  'reminder',
  'promise_broken',
];

export const KIND_COLORS: Record<AlertKind, string> = {
  pool_return: 'orange',
  leak_reads: 'red',
  leak_exports: 'volcano',
  utilization: 'gold',
  anomaly: 'purple',
  report_expiring: 'orange',
  report_expired: 'red',
  reminder: 'blue',
  promise_broken: 'magenta',
};

/** A finite number from the alert's params, or undefined (old rows may lack a figure). */
function figure(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The user's usual count per day: the baseline's sum over its days, with one decimal at most. */
export function usualPerDay(params: Record<string, unknown>): number {
  const sum = figure(params.baseline_sum) ?? 0;
  const days = figure(params.baseline_days);
  if (!days || days <= 0) return 0;
  return Math.round((sum / days) * 10) / 10;
}

/** The sentence an alert shows, e.g. "zhang.wei read 120 customer files on Nov 22, 2026, usual is 4 a day (threshold 20)". */
export function alertMessage(alert: Alert, t: TFunction, language: Language): string {
  const params = alert.params ?? {};
  const date = formatDate(alert.day, language);
  const n = (v: number) => formatNumber(v, language, { maximumFractionDigits: 1 });
  switch (alert.kind) {
    case 'pool_return': {
      const name = alert.customer ? `${alert.customer.name} (${alert.customer.code})` : t('alerts.unknown_customer');
      const days = figure(params.days_left);
      return days === undefined
        ? t('alerts.message.pool_return', { name, date })
        : t('alerts.message.pool_return_days', { name, date, days: n(days) });
    }
    case 'leak_reads':
    case 'leak_exports': {
      const rule = params.rule === 'absolute' ? 'absolute' : 'multiple';
      return t(`alerts.message.${alert.kind}_${rule}`, {
        user: alert.subject?.username ?? t('alerts.unknown_user'),
        files: n(figure(params.count) ?? 0),
        date,
        usual: n(usualPerDay(params)),
        threshold: n(figure(params.threshold) ?? 0),
      });
    }
    case 'utilization': {
      const name = alert.customer ? `${alert.customer.name} (${alert.customer.code})` : t('alerts.unknown_customer');
      const percent = (bp: unknown) =>
        formatNumber((figure(bp) ?? 0) / 10000, language, { style: 'percent', maximumFractionDigits: 2 });
      const currency = typeof params.currency === 'string' && /^[A-Z]{3}$/.test(params.currency) ? params.currency : null;
      const amount = (v: unknown) =>
        typeof v === 'string' && currency ? formatMoney({ amount: v, currency }, language) : String(v ?? '');
      return t('alerts.message.utilization', {
        name,
        date,
        level: percent(params.level_bp),
        utilization: percent(params.utilization_bp),
        exposure: amount(params.exposure),
        limit: amount(params.limit),
      });
    }
    case 'anomaly': {
      const name = alert.customer ? `${alert.customer.name} (${alert.customer.code})` : t('alerts.unknown_customer');
      const anomaly = t(`reports.kinds.${String(params.anomaly)}`, { defaultValue: String(params.anomaly ?? '') });
      return t('alerts.message.anomaly', { name, anomaly, date });
    }
    case 'report_expiring':
    case 'report_expired': {
      const name = alert.customer ? `${alert.customer.name} (${alert.customer.code})` : t('alerts.unknown_customer');
      const source = typeof params.source === 'string' ? params.source : 'account';
      return t(`alerts.message.${alert.kind}`, {
        name,
        source: t(`expiring.sources.${source}`, { defaultValue: source }),
        expires: formatDate(typeof params.expires === 'string' ? params.expires : alert.day, language),
        date,
      });
    }
    case 'reminder': {
      const name = alert.customer ? `${alert.customer.name} (${alert.customer.code})` : t('alerts.unknown_customer');
      return t('alerts.message.reminder', { name, date, count: figure(params.count) ?? 0 });
    }
    case 'promise_broken': {
      const name = alert.customer ? `${alert.customer.name} (${alert.customer.code})` : t('alerts.unknown_customer');
      const currency = typeof params.currency === 'string' && /^[A-Z]{3}$/.test(params.currency) ? params.currency : null;
      const amount = (v: unknown) =>
        typeof v === 'string' && currency ? formatMoney({ amount: v, currency }, language) : String(v ?? '');
      return t('alerts.message.promise_broken', {
        name,
        date,
        amount: amount(params.amount),
        collected: amount(params.collected),
      });
    }
    default:
      // A kind this version does not know yet (a newer server).
      return t('alerts.message.other', { kind: (alert as { kind: string }).kind, date });
  }
}

/** The tag of a kind. */
export function kindLabel(kind: string, t: TFunction): string {
  return t(`alerts.kinds.${kind}`, { defaultValue: kind });
}

/** Where an alert leads: the customer file (its credit tab for a utilization alert), else the alerts page. */
export function alertTarget(alert: Alert): string {
  if (alert.kind === 'pool_return' && alert.customer) return `/customers/${alert.customer.id}`;
  const toCredit = ['utilization', 'anomaly', 'report_expiring', 'report_expired', 'reminder'];
  if (toCredit.includes(alert.kind) && alert.customer) return `/customers/${alert.customer.id}?tab=credit`;
  if (alert.kind === 'promise_broken' && typeof alert.params?.case_id === 'number')
    return `/collection-cases/${alert.params.case_id}`;
  return '/alerts';
}
