import { exactInteger } from './minor-units';

const BASIS_POINTS = 10_000n;

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero (commercial
 * rounding): for the non-negative amounts of an invoice that is round half up.
 */
export function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return numerator < 0n ? -rounded : rounded;
}

/** The tax of a net amount: net × taxRateBp / 10000, rounded half up, in exact integer arithmetic. */
export function taxOf(netMinor: bigint, taxRateBp: number): bigint {
  return divideRoundingHalfUp(netMinor * exactInteger(taxRateBp, 'taxRateBp'), BASIS_POINTS);
}
