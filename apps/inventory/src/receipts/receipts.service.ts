import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import { IdempotencyService } from '@tradeflow/platform';
import type { EntityManager } from 'typeorm';
import { unknownSkus } from '../products/products.queries';
import { BackordersService } from '../reservations/backorders.service';
import { SERVICE_NAME } from '../service-name';
import { LockedStock } from '../stock/locked-stock.queries';
import type { ReceiptView, ReceiveStockDto } from './dto/receipt.dto';

@Injectable()
export class ReceiptsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly backorders: BackordersService,
  ) {}

  /** Books the goods in and fills backorders with them; a repeated receiptId returns the first answer. */
  receive(receipt: ReceiveStockDto): Promise<ReceiptView> {
    const request = { scope: 'receipts', key: receipt.receiptId, body: receipt };
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: receipt.receiptId }, async (unit) => {
      const claim = await this.idempotency.claim<ReceiptView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;
      await refuseUnknownProducts(unit.manager, receipt);

      const { warehouse } = receipt;
      const stock = new LockedStock(unit.manager);
      await stock.lockOrCreate(receipt.lines.map(({ sku }) => ({ sku, warehouse })));
      for (const line of receipt.lines) {
        const level = stock.find(line.sku, warehouse);
        if (!level) continue;
        stock.adjust(level, 'receipt', { onHand: line.quantity });
        if (line.reorderPoint !== undefined) stock.setReorderPoint(level, line.reorderPoint, 'receipt');
      }
      const skus = [...new Set(receipt.lines.map((line) => line.sku))];
      const filledBackorders = await this.backorders.fill(unit, stock, warehouse, skus);
      await stock.flush(unit);

      const view: ReceiptView = { ...receipt, filledBackorders };
      await this.idempotency.complete(unit.manager, request, 201, view);
      return view;
    });
  }
}

/** Stock is kept only of products in the product master: goods of an unknown sku are a typo or a product the ERP has not sent yet. */
async function refuseUnknownProducts(manager: EntityManager, receipt: ReceiveStockDto): Promise<void> {
  const unknown = await unknownSkus(manager, receipt.lines.map((line) => line.sku));
  if (unknown.size === 0) return;
  const lines = receipt.lines.flatMap(({ sku }, index) => (unknown.has(sku) ? [{ lineNo: index + 1, sku, reason: 'UNKNOWN_PRODUCT' }] : []));
  const message = lines.map(({ lineNo, sku }) => `line ${lineNo}: sku ${sku} is not in the product master`).join('; ');
  throw new UnprocessableEntityException({ statusCode: 422, message, lines });
}
