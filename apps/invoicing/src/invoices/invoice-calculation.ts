/** A line to bill: a quantity at the order's net unit price and tax rate. */
export interface PricedLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  /** Basis points: 1900 is 19%. */
  taxRateBp: number;
}

export interface CalculatedLine extends PricedLine {
  netMinor: number;
  taxMinor: number;
}

export interface DocumentAmounts {
  lines: CalculatedLine[];
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

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

function exactInteger(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer below 2^53, got ${value}`);
  return BigInt(value);
}

/** Back to a JS number; an amount an Avro long cannot carry exactly in JavaScript is an error, never rounded. */
function toAmount(value: bigint, name: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${name} ${value} is beyond the largest exact amount (2^53 - 1 minor units)`);
  }
  return Number(value);
}

/**
 * docs/design.md#invoicing-and-payments: per line net = quantity × unitPriceMinor and tax = round half up(net ×
 * taxRateBp / 10000); the document's net, tax and total are the sums of its lines.
 */
export function calculateDocument(lines: readonly PricedLine[]): DocumentAmounts {
  let net = 0n;
  let tax = 0n;
  const calculated = lines.map((line) => {
    const quantity = exactInteger(line.quantity, `line ${line.lineNo} quantity`);
    const lineNet = quantity * exactInteger(line.unitPriceMinor, `line ${line.lineNo} unitPriceMinor`);
    const lineTax = taxOf(lineNet, line.taxRateBp);
    net += lineNet;
    tax += lineTax;
    return {
      ...line,
      netMinor: toAmount(lineNet, `line ${line.lineNo} net`),
      taxMinor: toAmount(lineTax, `line ${line.lineNo} tax`),
    };
  });
  return {
    lines: calculated,
    netMinor: toAmount(net, 'net'),
    taxMinor: toAmount(tax, 'tax'),
    totalMinor: toAmount(net + tax, 'total'),
  };
}

/** The due date (ISO 8601 date, UTC) `termsDays` after the day `issuedAt` falls on. */
export function dueDateOf(issuedAt: Date, termsDays: number): string {
  const issueDay = Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth(), issuedAt.getUTCDate());
  return new Date(issueDay + termsDays * 86_400_000).toISOString().slice(0, 10);
}
