// The one request-error handler. Every failed request ends here: a readable message in the interface
// language, field errors placed on the form that sent them, and an expired session sending the user
// back to the login page. Pages handle only what is theirs to decide (a 409 version conflict).
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '@/api/client';

/** What a person reads for a failed request. */
export function describeError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'unauthenticated':
      return t('errors.unauthenticated');
    case 'forbidden':
      return t('errors.forbidden');
    case 'not_found':
      return t('errors.not_found');
    case 'conflict':
      return error.details.current_version ? t('errors.version_conflict') : t('errors.conflict', { message: error.message });
    case 'already_exists':
      return t('errors.already_exists', { message: error.message });
    case 'locked':
      return t('errors.locked', { until: error.details.locked_until ?? '' });
    case 'payload_too_large':
      return t('errors.payload_too_large');
    case 'unavailable':
      return t('errors.unavailable');
    case 'invalid_argument':
      return Object.keys(error.fields).length > 0 ? t('errors.invalid_fields') : t('errors.invalid', { message: error.message });
    case 'precondition_required':
      return t('errors.precondition_required');
    default:
      return t('errors.server', { message: error.message });
  }
}

/** The version a 409 answer reports the file to be at, when it is a version conflict. */
export function conflictVersion(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const v = Number(error.details.current_version);
  return Number.isFinite(v) && v > 0 ? v : null;
}

type FieldPath = (string | number)[];

/** `contacts[2].email` → ['contacts', 2, 'email']; `registered_capital.amount` → [...]. */
export function fieldPath(key: string): FieldPath {
  const out: FieldPath = [];
  for (const part of key.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    out.push(m[1] ?? part);
    for (const index of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/**
 * Puts the API's field errors on the form fields that exist, walking up a path until a field matches
 * (`registered_capital.amount` falls back to `registered_capital`). Returns the errors no field took.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const rest: Record<string, string> = {};
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => JSON.stringify(f.name)),
  );
  const setters: { name: FieldPath; errors: string[] }[] = [];
  for (const [key, message] of Object.entries(error.fields)) {
    let path = fieldPath(key);
    while (path.length > 0 && !known.has(JSON.stringify(path))) path = path.slice(0, -1);
    if (path.length === 0) rest[key] = message;
    else setters.push({ name: path, errors: [message] });
  }
  if (setters.length > 0) form.setFields(setters);
  return rest;
}
