import { Injectable } from '@nestjs/common';
import type { ReturnReceived } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { BackordersService } from '../reservations/backorders.service';
import { LockedStock } from '../stock/locked-stock.queries';
import { StockMovement } from './stock-movement.entity';

/** Sums returned quantities per line, sku and warehouse, dropping empty lines. */
function returnedLines(event: ReturnReceived): ReturnReceived['lines'] {
  const sums = new Map<string, ReturnReceived['lines'][number]>();
  for (const line of event.lines) {
    const key = `${line.lineNo}\u0000${line.sku}\u0000${line.warehouse}`;
    sums.set(key, { ...line, quantity: (sums.get(key)?.quantity ?? 0) + line.quantity });
  }
  return [...sums.values()].filter((line) => line.quantity > 0);
}

/** ReturnReceived: returned goods go back on hand in the line's warehouse and fill backorders. */
@Injectable()
export class ReturnsService {
  constructor(private readonly backorders: BackordersService) {}

  /** Once per returnId. */
  async restock(event: ReturnReceived, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    if (await manager.existsBy(StockMovement, { kind: 'return', reference: event.returnId })) return;
    const lines = returnedLines(event);
    if (lines.length === 0) return;
    const stock = new LockedStock(manager);
    await stock.lockOrCreate(lines);
    for (const line of lines) {
      const level = stock.find(line.sku, line.warehouse);
      if (level) stock.adjust(level, 'return', { onHand: line.quantity });
    }
    await manager.insert(
      StockMovement,
      lines.map((line) => ({ kind: 'return' as const, reference: event.returnId, orderId: event.orderId, ...line })),
    );
    for (const warehouse of [...new Set(lines.map((line) => line.warehouse))].sort()) {
      const skus = lines.filter((line) => line.warehouse === warehouse).map((line) => line.sku);
      await this.backorders.fill(unit, stock, warehouse, skus);
    }
    await stock.flush(unit);
  }
}
