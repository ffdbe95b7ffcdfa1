import { exactAmount, grossOf } from '@tradeflow/money';
import type { CalculatedLine } from '../invoices/invoice-calculation';

/** One invoice of the order as the allocation sees it: per line, what it billed and what credit notes already took back. */
export interface CreditableInvoice {
  invoiceId: string;
  lines: readonly { lineNo: number; quantity: number; creditedQuantity: number }[];
}

/** A part of a credit note line applied to one line of one invoice. */
export interface CreditPart {
  invoiceId: string;
  lineNo: number;
  quantity: number;
  amountMinor: number;
}

export interface CreditAllocation {
  applied: CreditPart[];
  /** Returned quantities no invoice billed (a return the order's invoices do not know). */
  unapplied: Omit<CreditPart, 'invoiceId'>[];
}

/**
 * docs/design.md#invoicing-and-payments: a credit note goes to the invoices that billed the returned
 * lines, oldest invoice first, each line up to the quantity that invoice billed and earlier credit notes
 * have not taken back yet. A part's amount follows the tax rule for its quantity; the last part of a
 * line takes what is left, so the parts add up to exactly the credit note.
 * `invoices` are in the order they were issued.
 */
export function allocateCredit(creditLines: readonly CalculatedLine[], invoices: readonly CreditableInvoice[]): CreditAllocation {
  const applied: CreditPart[] = [];
  const unapplied: CreditAllocation['unapplied'] = [];
  for (const line of creditLines) {
    let quantity = line.quantity;
    let amount = BigInt(line.netMinor) + BigInt(line.taxMinor);
    for (const invoice of invoices) {
      if (quantity === 0) break;
      const billed = invoice.lines.find((candidate) => candidate.lineNo === line.lineNo);
      const room = billed ? billed.quantity - billed.creditedQuantity : 0;
      if (room <= 0) continue;
      const taken = Math.min(room, quantity);
      const part = taken === quantity ? amount : grossOf([{ ...line, quantity: taken }]);
      applied.push({ invoiceId: invoice.invoiceId, lineNo: line.lineNo, quantity: taken, amountMinor: exactAmount(part, `line ${line.lineNo} credit`) });
      quantity -= taken;
      amount -= part;
    }
    if (quantity > 0) unapplied.push({ lineNo: line.lineNo, quantity, amountMinor: exactAmount(amount, `line ${line.lineNo} credit`) });
  }
  return { applied, unapplied };
}
