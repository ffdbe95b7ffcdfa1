/** The largest amount in minor units a JavaScript number (and so an Avro long read by the services) holds exactly. */
export const MAX_EXACT_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/** A whole number as bigint; anything a number cannot hold exactly is an error, never rounded. */
export function exactInteger(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer below 2^53, got ${value}`);
  return BigInt(value);
}

/** Back to a JS number; an amount an Avro long cannot carry exactly in JavaScript is an error, never rounded. */
export function exactAmount(value: bigint, name: string): number {
  if (value > MAX_EXACT_MINOR || value < -MAX_EXACT_MINOR) {
    throw new RangeError(`${name} ${value} is beyond the largest exact amount (2^53 - 1 minor units)`);
  }
  return Number(value);
}
