import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { ReturnReceived } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { DocumentNumbersService } from '../document-numbers/document-numbers.service';
import type { CalculatedLine } from '../invoices/invoice-calculation';
import { calculateDocument } from '../invoices/invoice-calculation';
import { InvoiceCredit } from '../invoices/invoice-credit.entity';
import { bookOnInvoice, lockInvoices } from '../invoices/invoice-settlement';
import { OrderPricesService } from '../order-prices/order-prices.service';
import type { PriceList, Pricing } from '../order-prices/price-list';
import { priceQuantities } from '../order-prices/price-list';
import type { CreditableInvoice } from './credit-allocation';
import { allocateCredit } from './credit-allocation';
import { CreditNoteLine } from './credit-note-line.entity';
import { CreditNote } from './credit-note.entity';
import type { CreditNotePageView, CreditNoteView } from './dto/credit-note-view.dto';
import { ReceivedReturn } from './received-return.entity';
import { documentLinesView } from '../invoices/document-lines-view';
import { withTaxClasses } from '../products/product-tax-classes.queries';

export class CreditNoteNotFoundError extends NotFoundException {
  constructor(creditNoteId: string) {
    super(`Credit note ${creditNoteId} not found`);
    this.name = 'CreditNoteNotFoundError';
  }
}

@Injectable()
export class CreditNotesService {
  private readonly logger = new Logger(CreditNotesService.name);

  constructor(
    private readonly prices: OrderPricesService,
    private readonly numbers: DocumentNumbersService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * ReturnReceived → CreditNoteIssued for exactly the returned quantities, once per returnId.
   * When the order's prices are not known yet, the return waits for the order event.
   */
  async creditReturn(event: ReturnReceived, unit: UnitOfWork): Promise<void> {
    const order = await this.prices.lock(unit.manager, event.orderId);
    const inserted = await unit.manager
      .createQueryBuilder()
      .insert()
      .into(ReceivedReturn)
      .values({
        returnId: event.returnId,
        orderId: event.orderId,
        lines: event.lines.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity })),
        correlationId: event.correlationId,
        receivedAt: new Date(event.occurredAt),
        creditNoteId: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) {
      this.logger.log({ msg: 'return already credited or waiting; duplicate ignored', returnId: event.returnId });
      return;
    }
    await this.issueWaiting(unit, order);
  }

  /** Credits the order's returns that wait and can now be priced. The caller holds the order's lock. */
  async issueWaiting(unit: UnitOfWork, order: PriceList): Promise<void> {
    const waiting = await unit.manager.find(ReceivedReturn, {
      where: { orderId: order.orderId, creditNoteId: IsNull() },
      order: { id: 'ASC' },
    });
    for (const received of waiting) {
      const pricing = priceQuantities(order, received.lines);
      if (!pricing.priced) {
        this.logger.log({ msg: 'return waits for the order prices', returnId: received.returnId, waitingFor: pricing.waitingFor });
        continue;
      }
      await this.issue(unit, received, pricing);
    }
  }

  async getCreditNote(creditNoteId: string): Promise<CreditNoteView> {
    const creditNote = await this.dataSource.manager.findOneBy(CreditNote, { id: creditNoteId });
    if (!creditNote) throw new CreditNoteNotFoundError(creditNoteId);
    return toCreditNoteView(creditNote);
  }

  async creditNotesOfOrder(orderId: string): Promise<CreditNoteView[]> {
    const creditNotes = await this.dataSource.manager.find(CreditNote, { where: { orderId }, order: { number: 'ASC' } });
    return creditNotes.map(toCreditNoteView);
  }

  /** Every credit note in id order, a page at a time. */
  async listCreditNotes(afterId: string | undefined, limit: number): Promise<CreditNotePageView> {
    const creditNotes = await this.dataSource.manager.find(CreditNote, {
      where: afterId ? { id: MoreThan(afterId) } : {},
      order: { id: 'ASC' },
      take: limit + 1,
    });
    const page = creditNotes.slice(0, limit);
    return { items: page.map(toCreditNoteView), nextAfterId: creditNotes.length > limit ? page[page.length - 1].id : null };
  }

  private async issue(unit: UnitOfWork, received: ReceivedReturn, pricing: Extract<Pricing, { priced: true }>) {
    const { manager } = unit;
    const amounts = calculateDocument(pricing.lines);
    const creditNote: Omit<CreditNote, 'lines'> = {
      id: randomUUID(),
      number: await this.numbers.next(manager, 'credit-note'),
      orderId: received.orderId,
      returnId: received.returnId,
      customerId: pricing.customerId,
      currency: pricing.currency,
      issuedAt: new Date(),
      netMinor: amounts.netMinor,
      taxMinor: amounts.taxMinor,
      totalMinor: amounts.totalMinor,
    };
    await manager.insert(CreditNote, creditNote);
    await manager.insert(
      CreditNoteLine,
      (await withTaxClasses(manager, amounts.lines)).map((line) => ({ ...line, creditNoteId: creditNote.id })),
    );
    await manager.update(ReceivedReturn, { id: received.id }, { creditNoteId: creditNote.id });

    unit.publish(
      'CreditNoteIssued',
      {
        creditNoteId: creditNote.id,
        creditNoteNumber: creditNote.number,
        returnId: creditNote.returnId,
        orderId: creditNote.orderId,
        customerId: creditNote.customerId,
        currency: creditNote.currency,
        lines: amounts.lines,
        netMinor: amounts.netMinor,
        taxMinor: amounts.taxMinor,
        totalMinor: amounts.totalMinor,
      },
      { id: creditNote.id, version: 1 },
      received.correlationId,
    );
    await this.applyToInvoices(unit, creditNote, amounts.lines);
  }

  /**
   * Takes the credit note off what is outstanding on the invoices that billed the returned lines
   * (allocateCredit); an invoice it settles is paid (InvoicePaid), one already paid gets a credit
   * balance. The order's lock, held by the caller, keeps other credit notes of the order out meanwhile.
   */
  private async applyToInvoices(unit: UnitOfWork, creditNote: Omit<CreditNote, 'lines'>, lines: readonly CalculatedLine[]): Promise<void> {
    const { manager } = unit;
    const invoices = await lockInvoices(manager, { orderId: creditNote.orderId });
    const credited = await manager.find(InvoiceCredit, { where: { invoiceId: In(invoices.map((invoice) => invoice.id)) } });
    const creditable: CreditableInvoice[] = invoices.map((invoice) => ({
      invoiceId: invoice.id,
      lines: invoice.lines.map(({ lineNo, quantity }) => ({
        lineNo,
        quantity,
        creditedQuantity: credited
          .filter((part) => part.invoiceId === invoice.id && part.lineNo === lineNo)
          .reduce((sum, part) => sum + part.quantity, 0),
      })),
    }));
    const { applied, unapplied } = allocateCredit(lines, creditable);
    if (unapplied.length > 0) {
      this.logger.warn({ msg: 'credit note credits lines no invoice of the order billed', creditNote: creditNote.number, unapplied });
    }
    if (applied.length === 0) return;
    await manager.insert(
      InvoiceCredit,
      applied.map((part) => ({ ...part, creditNoteId: creditNote.id })),
    );
    for (const invoice of invoices) {
      const parts = applied.filter((part) => part.invoiceId === invoice.id);
      if (parts.length === 0) continue;
      const creditedMinor = parts.reduce((sum, part) => sum + part.amountMinor, 0);
      await bookOnInvoice(unit, invoice, { creditedMinor, at: creditNote.issuedAt });
    }
  }
}

function toCreditNoteView(creditNote: CreditNote): CreditNoteView {
  return {
    id: creditNote.id,
    number: creditNote.number,
    orderId: creditNote.orderId,
    returnId: creditNote.returnId,
    customerId: creditNote.customerId,
    currency: creditNote.currency,
    issuedAt: creditNote.issuedAt.toISOString(),
    lines: documentLinesView(creditNote.lines),
    netMinor: creditNote.netMinor,
    taxMinor: creditNote.taxMinor,
    totalMinor: creditNote.totalMinor,
  };
}
