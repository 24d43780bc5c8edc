// Exact decimal arithmetic for amounts typed into forms: decimal strings held as BigInt units of a fixed
// scale, never floating-point numbers. An order line's amount follows the server (SPEC AR-1): quantity
// (at most 3 decimals) × unit price, rounded half up to the currency's minor unit.

/** Decimals a quantity may have (thousandths, as the server holds them). */
export const QUANTITY_SCALE = 3;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Whether `text` is a plain non-negative decimal ("12", "0.5") with at most `maxScale` decimals. */
export function isDecimal(text: string, maxScale: number): boolean {
  const m = DECIMAL.exec(text.trim());
  return !!m && (m[2] ?? '').length <= maxScale;
}

/** "12.5" at scale 2 → 1250n; null when it is not a non-negative decimal with at most `scale` decimals. */
export function toUnits(text: string, scale: number): bigint | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > scale) return null;
  return BigInt((m[1] ?? '0') + fraction.padEnd(scale, '0'));
}

/** 1250n at scale 2 → "12.50"; -5n at scale 2 → "-0.05"; scale 0 has no decimal point. */
export function fromUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? '.' + fraction : ''}`;
}

/** The minor-unit digits of a currency (CNY 2, JPY 0, KWD 3); 2 for a code the browser does not know. */
export function minorDigits(currency: string | null | undefined): number {
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return 2;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * A line's amount as a decimal string of `digits` decimals: round_half_up(quantity × unit price). Null when
 * the quantity is not more than zero with at most 3 decimals, or the price not a decimal with at most
 * `digits` decimals.
 */
export function lineAmount(quantity: string, unitPrice: string, digits: number): string | null {
  const q = toUnits(quantity, QUANTITY_SCALE);
  const p = toUnits(unitPrice, digits);
  if (q === null || p === null || q <= 0n) return null;
  const scale = 10n ** BigInt(QUANTITY_SCALE);
  return fromUnits((q * p + scale / 2n) / scale, digits);
}

export interface LineText {
  quantity?: string | undefined;
  unit_price?: string | undefined;
}

export interface OrderTotals {
  /** Each line's amount, or null while its quantity or price is incomplete or wrong. */
  lines: (string | null)[];
  /** The sum of the lines that have an amount. */
  total: string;
  /** Whether every line has an amount. */
  complete: boolean;
  /** The total less the prepayment (never below zero); null when the prepayment is not a decimal. */
  creditPart: string | null;
}

/** The amounts of an order as typed: every line, the total and the part that needs credit. */
export function orderTotals(lines: readonly (LineText | undefined)[], digits: number, prepayment?: string): OrderTotals {
  let total = 0n;
  let complete = true;
  const amounts = lines.map((l) => {
    const amount = lineAmount(l?.quantity ?? '', l?.unit_price ?? '', digits);
    if (amount === null) complete = false;
    else total += toUnits(amount, digits) ?? 0n;
    return amount;
  });
  const pre = prepayment?.trim() ? toUnits(prepayment, digits) : 0n;
  const credit = pre === null ? null : total > pre ? total - pre : 0n;
  return {
    lines: amounts,
    total: fromUnits(total, digits),
    complete,
    creditPart: credit === null ? null : fromUnits(credit, digits),
  };
}

/**
 * Compares two plain non-negative decimals exactly ("1000000.01" > "1000000"): -1, 0 or 1; null when either
 * is not such a decimal.
 */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 | null {
  const fraction = (s: string) => DECIMAL.exec(s.trim())?.[2]?.length ?? 0;
  const scale = Math.max(fraction(a), fraction(b));
  const x = toUnits(a, scale);
  const y = toUnits(b, scale);
  if (x === null || y === null) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}
