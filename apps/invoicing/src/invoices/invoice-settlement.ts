import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import type { InvoiceBalance } from './invoice-status';
import { invoiceBalance } from './invoice-status';
import { Invoice } from './invoice.entity';

/** The invoice, locked for the transaction: payments and credit notes on it are booked one after the other. */
export function lockInvoices(manager: EntityManager, where: { id: string } | { orderId: string }): Promise<Invoice[]> {
  return manager.find(Invoice, { where, order: { number: 'ASC' }, lock: { mode: 'pessimistic_write', tables: ['invoices'] } });
}

/**
 * The one write path for what is paid and credited on an invoice, whether a payment or a credit
 * note brings it: adds to the locked invoice, lets the caller announce its own event with the new
 * balance, and publishes InvoicePaid the first time payments and credits together cover the total
 * (docs/design.md#invoicing-and-payments) — consumers read it as "nothing left to pay".
 */
export async function bookOnInvoice(
  unit: UnitOfWork,
  invoice: Invoice,
  booked: { paidMinor?: number; creditedMinor?: number; at: Date },
  announce: (balance: InvoiceBalance) => void = () => undefined,
): Promise<InvoiceBalance> {
  invoice.paidMinor += booked.paidMinor ?? 0;
  invoice.creditedMinor += booked.creditedMinor ?? 0;
  const balance = invoiceBalance(invoice);
  announce(balance);
  if (invoice.paidAt === null && balance.settled) {
    invoice.paidAt = booked.at;
    const { id: invoiceId, orderId, customerId, currency, totalMinor, paidMinor, correlationId } = invoice;
    unit.publish(
      'InvoicePaid',
      { invoiceId, orderId, customerId, currency, totalMinor, paidMinor },
      { id: invoiceId, version: ++invoice.version },
      correlationId,
    );
  }
  const { paidMinor, creditedMinor, paidAt, version } = invoice;
  await unit.manager.update(Invoice, { id: invoice.id }, { paidMinor, creditedMinor, paidAt, version });
  return balance;
}
