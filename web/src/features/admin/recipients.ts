// The recipients of a utilization alert level as the policies keep them (credit.alert_*_recipients): a sum
// of one bit per recipient, in the server's order (domain/credit/utilization: RecipientsOfMask).
export const RECIPIENT_BITS = [
  ['owner', 1],
  ['regional_manager', 2],
  ['commerce', 4],
  ['sales_manager', 8],
  ['finance', 16],
  ['executive', 32],
] as const;

export type Recipient = (typeof RECIPIENT_BITS)[number][0];

export function isRecipientsPolicy(key: string): boolean {
  return key.endsWith('_recipients');
}

export function recipientsOfMask(mask: number): Recipient[] {
  return RECIPIENT_BITS.filter(([, bit]) => (mask & bit) !== 0).map(([name]) => name);
}

export function maskOfRecipients(recipients: readonly string[]): number {
  return RECIPIENT_BITS.reduce((sum, [name, bit]) => (recipients.includes(name) ? sum + bit : sum), 0);
}
