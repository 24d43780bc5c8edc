import { describe, expect, it } from 'vitest';
import en from '@/locales/en/translation.json';
import es from '@/locales/es/translation.json';
import zhCN from '@/locales/zh-CN/translation.json';
import zhTW from '@/locales/zh-TW/translation.json';
import { isRecipientsPolicy, maskOfRecipients, RECIPIENT_BITS, recipientsOfMask } from './recipients';

describe('alert recipients', () => {
  it('reads the defaults as the SPEC names them', () => {
    expect(recipientsOfMask(7)).toEqual(['owner', 'regional_manager', 'commerce']);
    expect(recipientsOfMask(15)).toEqual(['owner', 'regional_manager', 'commerce', 'sales_manager']);
    expect(recipientsOfMask(48)).toEqual(['finance', 'executive']);
    expect(recipientsOfMask(0)).toEqual([]);
  });
  it('turns a choice back into the same sum, whatever the order', () => {
    for (let mask = 1; mask <= 63; ++mask) expect(maskOfRecipients(recipientsOfMask(mask))).toBe(mask);
    expect(maskOfRecipients(['sales_manager', 'owner'])).toBe(9);
    expect(maskOfRecipients(['nobody'])).toBe(0);
  });
  it('knows which policies are recipients', () => {
    expect(isRecipientsPolicy('credit.alert_first_recipients')).toBe(true);
    expect(isRecipientsPolicy('credit.alert_first_bp')).toBe(false);
  });
  it.each([
    ['en', en],
    ['es', es],
    ['zh-CN', zhCN],
    ['zh-TW', zhTW],
  ])('names every recipient in %s', (_, bundle) => {
    const names = (bundle.policies as { recipients: Record<string, string> }).recipients;
    for (const [r] of RECIPIENT_BITS) expect(names[r]?.trim(), r).toBeTruthy();
  });
});
