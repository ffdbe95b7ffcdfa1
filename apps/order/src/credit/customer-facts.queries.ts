import type { EntityManager } from 'typeorm';
import type { LedgerKind } from '../orders/credit-control';
import type { PricedLineProgress } from '../orders/order-value';
import { notInvoicedValue } from '../orders/order-value';
import { CustomerAccount } from './customer-account.entity';
import type { CustomerStanding, Exposure } from './customer-checks';
import { OPEN_STATUSES, unpaidBalance } from './exposure';

export interface CustomerFacts {
  standing: CustomerStanding | null;
  exposure: Exposure;
}

/** What the checks need about a survivor and its merged ids, read in the caller's transaction. */
export async function customerFacts(manager: EntityManager, survivorId: string, group: readonly string[]): Promise<CustomerFacts> {
  const account = await manager.findOneBy(CustomerAccount, { customerId: survivorId });
  const standing: CustomerStanding | null = account && {
    customerId: account.customerId,
    known: account.known,
    onHold: account.onHold,
    holdReason: account.holdReason,
    creditLimitMinor: account.creditLimitMinor,
    currency: account.currency,
  };
  if (standing?.creditLimitMinor == null || !standing.currency) {
    return { standing, exposure: { unpaidInvoicesMinor: 0n, openOrdersMinor: 0n } };
  }
  return { standing, exposure: await exposureIn(manager, group, standing.currency) };
}

/** Unpaid invoices and open orders of the group, in `currency` only. */
export async function exposureIn(manager: EntityManager, group: readonly string[], currency: string): Promise<Exposure> {
  return {
    unpaidInvoicesMinor: await unpaidInvoices(manager, group, currency),
    openOrdersMinor: await openOrders(manager, group, currency),
  };
}

async function unpaidInvoices(manager: EntityManager, group: readonly string[], currency: string): Promise<bigint> {
  const rows: { kind: LedgerKind; sum: string }[] = await manager.query(
    `SELECT kind, sum(amount_minor)::text AS sum FROM customer_ledger WHERE customer_id = ANY($1) AND currency = $2 GROUP BY kind`,
    [group, currency],
  );
  const sum = (kind: LedgerKind) => BigInt(rows.find((row) => row.kind === kind)?.sum ?? 0);
  return unpaidBalance({ invoicedMinor: sum('INVOICE'), paidMinor: sum('PAYMENT'), creditedMinor: sum('CREDIT_NOTE') });
}

async function openOrders(manager: EntityManager, group: readonly string[], currency: string): Promise<bigint> {
  const rows: Record<'quantity' | 'cancelled' | 'invoiced' | 'unit_price_minor' | 'tax_rate_bp', string | number>[] = await manager.query(
    `SELECT l.quantity, l.cancelled, l.invoiced, l.unit_price_minor, l.tax_rate_bp
       FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.customer_id = ANY($1) AND o.currency = $2 AND o.status = ANY($3) AND l.quantity > l.cancelled + l.invoiced`,
    [group, currency, OPEN_STATUSES],
  );
  const lines: PricedLineProgress[] = rows.map((row) => ({
    quantity: Number(row.quantity),
    cancelled: Number(row.cancelled),
    invoiced: Number(row.invoiced),
    unitPriceMinor: Number(row.unit_price_minor),
    taxRateBp: Number(row.tax_rate_bp),
  }));
  return notInvoicedValue(lines);
}
