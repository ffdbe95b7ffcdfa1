import { Injectable } from '@nestjs/common';
import type { OrderAmended, OrderPlaced } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { CreditNotesService } from '../credit-notes/credit-notes.service';
import { InvoicesService } from '../invoices/invoices.service';
import { OrderPricesService } from '../order-prices/order-prices.service';
import type { PriceList } from '../order-prices/price-list';

/**
 * Order events keep the order's prices; since shipments and returns travel on another topic they
 * may have arrived first, so each price change also issues the documents that were waiting for it.
 */
@Injectable()
export class OrderEventsService {
  constructor(
    private readonly prices: OrderPricesService,
    private readonly invoices: InvoicesService,
    private readonly creditNotes: CreditNotesService,
  ) {}

  async orderPlaced(event: OrderPlaced, unit: UnitOfWork): Promise<void> {
    await this.issueWaiting(unit, await this.prices.recordPlaced(unit.manager, event));
  }

  async orderAmended(event: OrderAmended, unit: UnitOfWork): Promise<void> {
    await this.issueWaiting(unit, await this.prices.recordAmended(unit.manager, event));
  }

  private async issueWaiting(unit: UnitOfWork, order: PriceList): Promise<void> {
    await this.invoices.issueWaiting(unit, order);
    await this.creditNotes.issueWaiting(unit, order);
  }
}
