// What an exchange rate may be, as the server takes it: units of the base currency per unit of the
// currency, a positive decimal with at most 10 whole digits and 8 decimals ("7.1234"), read as text and
// never as a floating-point number.
import { toUnits } from '@/lib/decimal';

export const RATE_SCALE = 8;
const RATE = /^\d{1,10}(?:\.\d{1,8})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Whether `text` is a rate the server accepts: "7.1234", "0.00000001"; not "7,1", "0", "1.123456789". */
export function isRate(text: string): boolean {
  const s = text.trim();
  if (!RATE.test(s)) return false;
  return (toUnits(s, RATE_SCALE) ?? 0n) > 0n;
}

/** Whether `text` is a currency code: three upper-case letters. */
export function isCurrencyCode(text: string): boolean {
  return CURRENCY.test(text);
}

/**
 * For each currency, the day of the rate in force on `day`: the newest day not after it. Documents dated
 * `day` convert at that rate.
 */
export function daysInForce(items: readonly { currency: string; day: string }[], day: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of items) {
    if (r.day > day) continue;
    const best = out.get(r.currency);
    if (!best || r.day > best) out.set(r.currency, r.day);
  }
  return out;
}
