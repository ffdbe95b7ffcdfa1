import { taxOf } from '@tradeflow/money';
import type { Mismatch, MismatchIds } from '../mismatch';
import type { DocumentRecord } from '../records';

const whole = (value: number) => (Number.isSafeInteger(value) ? BigInt(value) : undefined);

/**
 * An invoice or credit note adds up: per line net = quantity × unit price and tax = net × rate
 * rounded half up (taxOf, the rule invoicing bills by); the document's net and tax are the sums of
 * its lines and total = net + tax.
 */
export function documentMismatches(document: DocumentRecord, kind: 'invoice' | 'credit-note'): Mismatch[] {
  const ids: MismatchIds = { orderId: document.orderId, [kind === 'invoice' ? 'invoice' : 'creditNote']: document.number };
  const mismatches: Mismatch[] = [];
  let net = 0n;
  let tax = 0n;
  for (const line of document.lines) {
    const [quantity, price, lineNet, lineTaxMinor] = [line.quantity, line.unitPriceMinor, line.netMinor, line.taxMinor].map(whole);
    const at = { ...ids, lineNo: line.lineNo, sku: line.sku };
    if (quantity === undefined || price === undefined || lineNet === undefined || lineTaxMinor === undefined || !Number.isSafeInteger(line.taxRateBp)) {
      mismatches.push({ check: 'document-line-amounts', ids: at, detail: 'an amount, quantity or rate is not a whole number' });
      continue;
    }
    if (lineNet !== quantity * price) {
      mismatches.push({ check: 'document-line-amounts', ids: at, detail: `net ${lineNet} ≠ quantity ${quantity} × unit price ${price}` });
    }
    if (lineTaxMinor !== taxOf(lineNet, line.taxRateBp)) {
      const detail = `tax ${lineTaxMinor} ≠ net ${lineNet} × ${line.taxRateBp} bp rounded half up (${taxOf(lineNet, line.taxRateBp)})`;
      mismatches.push({ check: 'document-line-amounts', ids: at, detail });
    }
    net += lineNet;
    tax += lineTaxMinor;
  }
  const sums = `lines sum to net ${net}, tax ${tax}`;
  if (whole(document.netMinor) !== net || whole(document.taxMinor) !== tax) {
    mismatches.push({ check: 'document-totals', ids, detail: `net ${document.netMinor}, tax ${document.taxMinor}, but its ${sums}` });
  }
  if (document.netMinor + document.taxMinor !== document.totalMinor) {
    mismatches.push({ check: 'document-totals', ids, detail: `total ${document.totalMinor} ≠ net ${document.netMinor} + tax ${document.taxMinor}` });
  }
  return mismatches;
}
