import { randomUUID } from 'node:crypto';

export const SKUS = ['CHAOS-MUG', 'CHAOS-TEA', 'CHAOS-POT', 'CHAOS-KETTLE', 'CHAOS-CUP', 'CHAOS-TRAY'];
export const WAREHOUSES = ['BER', 'MAD'];
export const ADDRESS = { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };
/** Mean units per order: 2 lines on average × 2 units on average. */
export const UNITS_PER_ORDER = 4;

export function customerId(index: number): string {
  return `CHAOS-CUST-${String(index).padStart(3, '0')}`;
}

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)];

export interface PlannedLine {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  taxRateBp: number;
}

/** One to three distinct skus, one to three of each, at a few prices and tax rates (rounding is exercised). */
export function randomLines(): PlannedLine[] {
  const skus = [...SKUS];
  const count = 1 + Math.floor(Math.random() * 3);
  // Fisher–Yates as far as needed: sorting by a random comparator favours the first skus (28% more
  // units of one than the mean).
  for (let index = 0; index < count; index++) {
    const other = index + Math.floor(Math.random() * (skus.length - index));
    [skus[index], skus[other]] = [skus[other], skus[index]];
  }
  return skus.slice(0, count).map((sku) => ({
    sku,
    quantity: 1 + Math.floor(Math.random() * 3),
    unitPriceMinor: pick([999, 1299, 2450, 333]),
    taxRateBp: pick([1900, 700, 2000]),
  }));
}

export function receiptId(): string {
  return `chaos-${randomUUID()}`;
}

export { pick };
