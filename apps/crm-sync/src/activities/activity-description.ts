import type {
  CreditNoteIssued,
  InvoiceIssued,
  InvoicePaid,
  OrderApproved,
  OrderCancelled,
  OrderCompleted,
  OrderHeld,
  OrderPlaced,
  PaymentReceived,
  ShipmentDelivered,
  ShipmentDispatched,
} from '@tradeflow/events';

/** The events that become CRM activity. */
export type ActivityEvent =
  | OrderPlaced
  | OrderHeld
  | OrderApproved
  | OrderCancelled
  | OrderCompleted
  | ShipmentDispatched
  | ShipmentDelivered
  | InvoiceIssued
  | PaymentReceived
  | InvoicePaid
  | CreditNoteIssued;

export interface ActivityDescription {
  orderId: string;
  /** As the event names it; null for events that carry only the order id (then the order tells). */
  customerId: string | null;
  summary: string;
  details: Record<string, unknown>;
  /** Money that counts in the customer's account: invoice and credit note totals, payments. */
  money: { amountMinor: number; currency: string } | null;
}

/** "EUR 119.00": the currency's own number of decimals (JPY has none). */
export function formatMoney(amountMinor: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // Not an ISO 4217 code Intl knows: show two decimals.
  }
  return `${currency} ${(amountMinor / 10 ** digits).toFixed(digits)}`;
}

/** What an event tells the CRM: one line for people, the facts for machines, and its money. */
export function describeActivity(event: ActivityEvent): ActivityDescription {
  const { orderId } = event;
  const plain = (customerId: string | null, summary: string, details: Record<string, unknown> = {}) => ({
    orderId,
    customerId,
    summary,
    details: { orderId, ...details },
    money: null,
  });
  switch (event.eventType) {
    case 'OrderPlaced': {
      const netMinor = event.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
      const lines = event.lines.map(({ lineNo, sku, quantity, unitPriceMinor }) => ({ lineNo, sku, quantity, unitPriceMinor }));
      return plain(
        event.customerId,
        `Order placed via ${event.channel}: ${lines.length} line(s), ${formatMoney(netMinor, event.currency)} net`,
        { channel: event.channel, currency: event.currency, netMinor, lines },
      );
    }
    case 'OrderHeld':
      return plain(event.customerId, `Order held: ${event.reason}`, { reason: event.reason, detail: event.detail });
    case 'OrderApproved':
      return plain(event.customerId, 'Order approved');
    case 'OrderCancelled':
      return plain(null, `Order cancelled: ${event.reason}`, { reason: event.reason, lines: event.lines });
    case 'OrderCompleted':
      return plain(null, 'Order completed');
    case 'ShipmentDispatched':
      return plain(null, `Shipment dispatched from ${event.warehouse}, tracking ${event.trackingNumber}`, {
        shipmentId: event.shipmentId,
        warehouse: event.warehouse,
        trackingNumber: event.trackingNumber,
        lines: event.lines,
      });
    case 'ShipmentDelivered':
      return plain(null, `Shipment delivered, tracking ${event.trackingNumber}`, {
        shipmentId: event.shipmentId,
        trackingNumber: event.trackingNumber,
      });
    case 'InvoiceIssued':
      return {
        ...plain(event.customerId, `Invoice ${event.invoiceNumber} issued: ${formatMoney(event.totalMinor, event.currency)}`, {
          invoiceId: event.invoiceId,
          invoiceNumber: event.invoiceNumber,
          shipmentId: event.shipmentId,
          currency: event.currency,
          netMinor: event.netMinor,
          taxMinor: event.taxMinor,
          totalMinor: event.totalMinor,
          dueDate: event.dueDate,
        }),
        money: { amountMinor: event.totalMinor, currency: event.currency },
      };
    case 'PaymentReceived':
      return {
        ...plain(event.customerId, `Payment ${event.paymentRef} received: ${formatMoney(event.amountMinor, event.currency)}`, {
          paymentId: event.paymentId,
          paymentRef: event.paymentRef,
          invoiceId: event.invoiceId,
          currency: event.currency,
          amountMinor: event.amountMinor,
          outstandingMinor: event.outstandingMinor,
        }),
        money: { amountMinor: event.amountMinor, currency: event.currency },
      };
    case 'InvoicePaid':
      return plain(event.customerId, `Invoice paid: ${formatMoney(event.paidMinor, event.currency)}`, {
        invoiceId: event.invoiceId,
        currency: event.currency,
        totalMinor: event.totalMinor,
        paidMinor: event.paidMinor,
      });
    case 'CreditNoteIssued':
      return {
        ...plain(event.customerId, `Credit note ${event.creditNoteNumber} issued: ${formatMoney(event.totalMinor, event.currency)}`, {
          creditNoteId: event.creditNoteId,
          creditNoteNumber: event.creditNoteNumber,
          returnId: event.returnId,
          currency: event.currency,
          totalMinor: event.totalMinor,
        }),
        money: { amountMinor: event.totalMinor, currency: event.currency },
      };
  }
}
