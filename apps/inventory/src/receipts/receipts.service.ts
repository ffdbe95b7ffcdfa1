import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import { IdempotencyService } from '@tradeflow/platform';
import { ReservationsService } from '../reservations/reservations.service';
import { SERVICE_NAME } from '../service-name';
import type { ReceiptView, ReceiveStockDto } from './dto/receipt.dto';

@Injectable()
export class ReceiptsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly reservations: ReservationsService,
  ) {}

  /** Books the goods in and fills backorders with them; a repeated receiptId returns the first answer. */
  receive(receipt: ReceiveStockDto): Promise<ReceiptView> {
    const request = { scope: 'receipts', key: receipt.receiptId, body: receipt };
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: receipt.receiptId }, async (unit) => {
      const claim = await this.idempotency.claim<ReceiptView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;

      await unit.manager.query(
        `INSERT INTO stock_levels (sku, warehouse, on_hand)
         SELECT sku, $1, sum(quantity) FROM unnest($2::text[], $3::int[]) AS t(sku, quantity) GROUP BY sku ORDER BY sku
         ON CONFLICT (sku, warehouse) DO UPDATE SET on_hand = stock_levels.on_hand + EXCLUDED.on_hand`,
        [receipt.warehouse, receipt.lines.map((line) => line.sku), receipt.lines.map((line) => line.quantity)],
      );
      const skus = [...new Set(receipt.lines.map((line) => line.sku))];
      const filledBackorders = await this.reservations.fillBackorders(unit, receipt.warehouse, skus);

      const view: ReceiptView = { ...receipt, filledBackorders };
      await this.idempotency.complete(unit.manager, request, 201, view);
      return view;
    });
  }
}
