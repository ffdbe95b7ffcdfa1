import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { ShipmentDispatched } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { CustomerTermsService } from '../customers/customer-terms.service';
import { invoiceDueDate } from '../customers/payment-terms';
import { DocumentNumbersService } from '../document-numbers/document-numbers.service';
import { InvoicingSettings } from '../invoicing-settings';
import { OrderPricesService } from '../order-prices/order-prices.service';
import type { PriceList, Pricing } from '../order-prices/price-list';
import { priceQuantities } from '../order-prices/price-list';
import { DispatchedShipment } from './dispatched-shipment.entity';
import type { InvoiceCreditView, InvoicePageView, InvoiceView } from './dto/invoice-view.dto';
import { calculateDocument } from './invoice-calculation';
import { InvoiceLine } from './invoice-line.entity';
import { invoiceBalance } from './invoice-status';
import { toInvoiceView } from './invoice-view';
import { Invoice } from './invoice.entity';
import { Payment } from './payment.entity';
import { withTaxClasses } from '../products/product-tax-classes.queries';

export class InvoiceNotFoundError extends NotFoundException {
  constructor(invoiceId: string) {
    super(`Invoice ${invoiceId} not found`);
    this.name = 'InvoiceNotFoundError';
  }
}

@Injectable()
export class InvoicesService {
  private readonly logger = new Logger(InvoicesService.name);

  constructor(
    private readonly prices: OrderPricesService,
    private readonly numbers: DocumentNumbersService,
    private readonly settings: InvoicingSettings,
    private readonly customers: CustomerTermsService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * ShipmentDispatched → InvoiceIssued for exactly the dispatched quantities, once per shipmentId.
   * When the order's prices are not known yet, the shipment waits for the order event.
   */
  async invoiceDispatch(event: ShipmentDispatched, unit: UnitOfWork): Promise<void> {
    const order = await this.prices.lock(unit.manager, event.orderId);
    const inserted = await unit.manager
      .createQueryBuilder()
      .insert()
      .into(DispatchedShipment)
      .values({
        shipmentId: event.shipmentId,
        orderId: event.orderId,
        warehouse: event.warehouse,
        lines: event.lines.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity })),
        correlationId: event.correlationId,
        dispatchedAt: new Date(event.occurredAt),
        invoiceId: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) {
      this.logger.log({ msg: 'shipment already invoiced or waiting; duplicate dispatch ignored', shipmentId: event.shipmentId });
      return;
    }
    await this.issueWaiting(unit, order);
  }

  /** Invoices the order's shipments that wait and can now be priced. The caller holds the order's lock. */
  async issueWaiting(unit: UnitOfWork, order: PriceList): Promise<void> {
    const waiting = await unit.manager.find(DispatchedShipment, {
      where: { orderId: order.orderId, invoiceId: IsNull() },
      order: { id: 'ASC' },
    });
    for (const shipment of waiting) {
      const pricing = priceQuantities(order, shipment.lines);
      if (!pricing.priced) {
        this.logger.log({ msg: 'shipment waits for the order prices', shipmentId: shipment.shipmentId, waitingFor: pricing.waitingFor });
        continue;
      }
      await this.issue(unit, shipment, pricing);
    }
  }

  async getInvoice(invoiceId: string): Promise<InvoiceView> {
    const invoice = await this.dataSource.manager.findOneBy(Invoice, { id: invoiceId });
    if (!invoice) throw new InvoiceNotFoundError(invoiceId);
    return (await this.views(this.dataSource.manager, [invoice]))[0];
  }

  /** The order's invoices by number (an unknown order has none). */
  async invoicesOfOrder(orderId: string): Promise<InvoiceView[]> {
    const invoices = await this.dataSource.manager.find(Invoice, { where: { orderId }, order: { number: 'ASC' } });
    return this.views(this.dataSource.manager, invoices);
  }

  /** Every invoice (or one customer's, by the customerId they were issued to) in id order, a page at a time. */
  async listInvoices(afterId: string | undefined, limit: number, customerId?: string): Promise<InvoicePageView> {
    const invoices = await this.dataSource.manager.find(Invoice, {
      where: { ...(afterId ? { id: MoreThan(afterId) } : {}), ...(customerId ? { customerId } : {}) },
      order: { id: 'ASC' },
      take: limit + 1,
    });
    const page = invoices.slice(0, limit);
    return { items: await this.views(this.dataSource.manager, page), nextAfterId: invoices.length > limit ? page[page.length - 1].id : null };
  }

  private async issue(unit: UnitOfWork, shipment: DispatchedShipment, pricing: Extract<Pricing, { priced: true }>) {
    const { manager } = unit;
    const amounts = calculateDocument(pricing.lines);
    const issuedAt = new Date();
    const termsDays = await this.customers.paymentTermsDays(manager, pricing.customerId);
    const invoice: Omit<Invoice, 'lines'> = {
      id: randomUUID(),
      number: await this.numbers.next(manager, 'invoice'),
      orderId: shipment.orderId,
      shipmentId: shipment.shipmentId,
      customerId: pricing.customerId,
      currency: pricing.currency,
      correlationId: shipment.correlationId,
      issuedAt,
      dueDate: invoiceDueDate(issuedAt, termsDays, this.settings.INVOICE_PAYMENT_TERMS_DAYS),
      netMinor: amounts.netMinor,
      taxMinor: amounts.taxMinor,
      totalMinor: amounts.totalMinor,
      paidMinor: 0,
      creditedMinor: 0,
      paidAt: null,
      version: 1,
    };
    // Nothing to pay (free goods): settled at issue, so the order does not wait for a payment.
    const { settled } = invoiceBalance(invoice);
    if (settled) Object.assign(invoice, { paidAt: issuedAt, version: 2 });

    await manager.insert(Invoice, invoice);
    await manager.insert(
      InvoiceLine,
      (await withTaxClasses(manager, amounts.lines)).map((line) => ({ ...line, invoiceId: invoice.id })),
    );
    await manager.update(DispatchedShipment, { id: shipment.id }, { invoiceId: invoice.id });

    const { id: invoiceId, number: invoiceNumber, orderId, customerId, currency, correlationId } = invoice;
    unit.publish(
      'InvoiceIssued',
      {
        invoiceId,
        invoiceNumber,
        shipmentId: shipment.shipmentId,
        orderId,
        customerId,
        currency,
        dueDate: invoice.dueDate,
        lines: amounts.lines,
        netMinor: amounts.netMinor,
        taxMinor: amounts.taxMinor,
        totalMinor: amounts.totalMinor,
      },
      { id: invoiceId, version: 1 },
      correlationId,
    );
    if (settled) {
      unit.publish(
        'InvoicePaid',
        { invoiceId, orderId, customerId, currency, totalMinor: invoice.totalMinor, paidMinor: 0 },
        { id: invoiceId, version: 2 },
        correlationId,
      );
    }
  }

  private async views(manager: EntityManager, invoices: Invoice[]): Promise<InvoiceView[]> {
    if (invoices.length === 0) return [];
    const payments = await manager.find(Payment, {
      where: { invoiceId: In(invoices.map((invoice) => invoice.id)) },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
    const credits = await creditsOf(manager, invoices);
    return invoices.map((invoice) =>
      toInvoiceView(
        invoice,
        payments.filter((payment) => payment.invoiceId === invoice.id),
        credits.filter((credit) => credit.invoiceId === invoice.id),
      ),
    );
  }
}

/** The credit note parts applied to the invoices, oldest credit note first. */
async function creditsOf(manager: EntityManager, invoices: readonly Invoice[]): Promise<(InvoiceCreditView & { invoiceId: string })[]> {
  const rows: { invoice_id: string; credit_note_id: string; number: string; line_no: number; quantity: number; amount_minor: string }[] = await manager.query(
    `SELECT c.invoice_id, c.credit_note_id, n.number, c.line_no, c.quantity, c.amount_minor
       FROM invoice_credits c JOIN credit_notes n ON n.id = c.credit_note_id
      WHERE c.invoice_id = ANY($1) ORDER BY n.number, c.line_no`,
    [invoices.map((invoice) => invoice.id)],
  );
  return rows.map((row) => ({
    invoiceId: row.invoice_id,
    creditNoteId: row.credit_note_id,
    creditNoteNumber: row.number,
    lineNo: row.line_no,
    quantity: row.quantity,
    amountMinor: Number(row.amount_minor),
  }));
}
