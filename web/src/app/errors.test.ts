import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/client';
import { conflictVersion, describeError, fieldPath } from './errors';

const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('describeError', () => {
  it('tells a version conflict from another conflict', () => {
    expect(describeError(new ApiError(409, 'conflict', 'stale', {}, { current_version: '4' }), t)).toBe(
      'errors.version_conflict',
    );
    expect(describeError(new ApiError(409, 'conflict', 'taken'), t)).toContain('errors.conflict');
  });
  it('points at the fields when the API names them', () => {
    expect(describeError(new ApiError(400, 'invalid_argument', 'bad', { phone: 'too short' }), t)).toBe('errors.invalid_fields');
    expect(describeError(new ApiError(400, 'invalid_argument', 'bad'), t)).toContain('errors.invalid');
  });
  it('explains network failures and unknown errors', () => {
    expect(describeError(new ApiError(0, 'network', 'Failed to fetch'), t)).toBe('errors.network');
    expect(describeError(new Error('boom'), t)).toBe('errors.unexpected');
    expect(describeError(new ApiError(503, 'unavailable', 'db down'), t)).toBe('errors.unavailable');
  });
});

describe('fieldPath', () => {
  it('splits nested and indexed paths', () => {
    expect(fieldPath('contacts[2].email')).toEqual(['contacts', 2, 'email']);
    expect(fieldPath('registered_capital.amount')).toEqual(['registered_capital', 'amount']);
    expect(fieldPath('phone')).toEqual(['phone']);
  });
});

describe('conflictVersion', () => {
  it('reads the current version of a 409', () => {
    expect(conflictVersion(new ApiError(409, 'conflict', 'x', {}, { current_version: '7' }))).toBe(7);
    expect(conflictVersion(new ApiError(409, 'conflict', 'x'))).toBeNull();
    expect(conflictVersion(new ApiError(400, 'invalid_argument', 'x'))).toBeNull();
  });
});
