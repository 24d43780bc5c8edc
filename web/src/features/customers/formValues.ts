// Between the API's customer JSON and the form's values: dates become dayjs for the date pickers and
// back to YYYY-MM-DD; empty inputs mean "not set"; an edit sends only what changed (null clears).
import dayjs, { type Dayjs } from 'dayjs';
import type { Customer, FieldSpec } from './api';

export const IDENTITY_KEYS = ['kind', 'name', 'region', 'nature', 'importance', 'lifecycle', 'stage'] as const;

type Values = Record<string, unknown>;

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object' && 'amount' in (v as object)) {
    const amount = (v as { amount?: unknown }).amount;
    return amount === undefined || amount === null || String(amount).trim() === '';
  }
  return false;
}

/** The form's initial values for a file (or the defaults of a new one). */
export function toFormValues(customer: Partial<Customer> | undefined, fields: FieldSpec[]): Values {
  const out: Values = {};
  const source = (customer ?? {}) as Values;
  for (const key of IDENTITY_KEYS) if (source[key] !== undefined && source[key] !== null) out[key] = source[key];
  for (const f of fields) {
    const v = source[f.key];
    if (v === undefined || v === null) continue;
    out[f.key] = f.type === 'date' && typeof v === 'string' ? dayjs(v, 'YYYY-MM-DD') : v;
  }
  return out;
}

/** The API's JSON for the form's values: unset fields are left out. */
export function fromFormValues(values: Values, fields: FieldSpec[]): Values {
  const out: Values = {};
  const types = new Map(fields.map((f) => [f.key, f.type]));
  for (const [key, raw] of Object.entries(values)) {
    if (key === 'contacts' || key === 'reason') continue;
    if (isEmpty(raw)) continue;
    let v = raw;
    const type = types.get(key);
    if (type === 'date' && dayjs.isDayjs(v)) v = (v as Dayjs).format('YYYY-MM-DD');
    else if (typeof v === 'string') v = v.trim();
    else if (type === 'text_list' && Array.isArray(v)) v = v.map((s) => String(s).trim()).filter((s) => s !== '');
    else if (type === 'money' && typeof v === 'object' && v !== null) {
      const m = v as { amount: unknown; currency?: unknown };
      v = { amount: String(m.amount).trim(), currency: String(m.currency ?? 'CNY') };
    }
    out[key] = v;
  }
  return out;
}

/** What changed between two API forms of a file: changed and new keys, and null for cleared ones. */
export function diffPatch(before: Values, after: Values): Values {
  const patch: Values = {};
  for (const [k, v] of Object.entries(after)) if (JSON.stringify(before[k]) !== JSON.stringify(v)) patch[k] = v;
  for (const k of Object.keys(before)) if (!(k in after)) patch[k] = null;
  return patch;
}

/** The API form of a stored file, comparable with fromFormValues' output. */
export function storedValues(customer: Customer, fields: FieldSpec[]): Values {
  return fromFormValues(toFormValues(customer, fields), fields);
}
