import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Customer, FieldSpec } from './api';
import { diffPatch, fromFormValues, storedValues, toFormValues } from './formValues';

const fields: FieldSpec[] = [
  { key: 'address', group: 'basic', type: 'text', required_for: [], expected_for: [] },
  { key: 'relationship_start', group: 'basic', type: 'date', required_for: [], expected_for: [] },
  { key: 'registered_capital', group: 'company', type: 'money', required_for: [], expected_for: [] },
  { key: 'products', group: 'company', type: 'text_list', required_for: [], expected_for: [] },
  { key: 'sales_capability', group: 'characteristics', type: 'rating', required_for: [], expected_for: [] },
];

const file = {
  id: 1,
  code: 'C2026000001',
  kind: 'enterprise',
  name: '温州恒泰阀门有限公司',
  region: 'east',
  nature: 'ordinary',
  importance: 'general',
  lifecycle: 'new',
  address: '温州市经济开发区 1 号',
  relationship_start: '2020-03-01',
  registered_capital: { amount: '1000000.00', currency: 'CNY' },
  products: ['球阀', '蝶阀'],
} as unknown as Customer;

describe('form values', () => {
  it('turn dates into pickers values and back without shifting the day', () => {
    const values = toFormValues(file, fields);
    expect(dayjs.isDayjs(values.relationship_start)).toBe(true);
    expect(fromFormValues(values, fields).relationship_start).toBe('2020-03-01');
  });

  it('leave empty inputs out of a new file', () => {
    const out = fromFormValues(
      { name: ' 新客户 ', address: '  ', products: [], registered_capital: { amount: '', currency: 'CNY' } },
      fields,
    );
    expect(out).toEqual({ name: '新客户' });
  });

  it('send only what changed, and null for what was cleared', () => {
    const before = storedValues(file, fields);
    const values = toFormValues(file, fields);
    values.address = '';
    values.products = ['球阀', '蝶阀', '闸阀'];
    values.sales_capability = 4;
    const patch = diffPatch(before, fromFormValues(values, fields));
    expect(patch).toEqual({ address: null, products: ['球阀', '蝶阀', '闸阀'], sales_capability: 4 });
  });

  it('find nothing to send when nothing changed', () => {
    const before = storedValues(file, fields);
    expect(diffPatch(before, fromFormValues(toFormValues(file, fields), fields))).toEqual({});
  });
});
