import type { OrderStatus } from '../orders/order-status';

/**
 * "Open orders" of the credit check: approved and not yet COMPLETED or CANCELLED. PLACED and
 * HELD orders are not open — they wait for their own check, taken oldest first.
 */
export const OPEN_STATUSES: readonly OrderStatus[] = [
  'APPROVED',
  'BACKORDERED',
  'PARTIALLY_RESERVED',
  'RESERVED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'DELIVERED',
];

export interface LedgerSums {
  invoicedMinor: bigint;
  paidMinor: bigint;
  creditedMinor: bigint;
}

/**
 * What the customer owes on invoices: invoiced − paid − credited over all their invoices (as
 * crm-sync's open balance), never below zero — being in credit does not raise the limit.
 */
export function unpaidBalance({ invoicedMinor, paidMinor, creditedMinor }: LedgerSums): bigint {
  const balance = invoicedMinor - paidMinor - creditedMinor;
  return balance > 0n ? balance : 0n;
}
