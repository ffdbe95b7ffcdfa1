import { Injectable, Logger } from '@nestjs/common';
import type { ShipmentDispatched } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { In } from 'typeorm';
import { OrderReservation } from '../reservations/order-reservation.entity';
import { ReleasesService } from '../reservations/releases.service';
import { Reservation } from '../reservations/reservation.entity';
import { ReservationsService } from '../reservations/reservations.service';
import { LockedStock } from '../stock/locked-stock.queries';
import { issueFromLevel, linesOf, planIssue, planTakeBack } from './issue';
import { StockMovement } from './stock-movement.entity';

/** ShipmentDispatched: the goods leave the warehouse (docs/design.md#goods-issue). */
@Injectable()
export class GoodsIssueService {
  private readonly logger = new Logger(GoodsIssueService.name);

  constructor(
    private readonly releases: ReleasesService,
    private readonly reservations: ReservationsService,
  ) {}

  /**
   * On hand and reserved go down by the dispatched quantities, taken from the order's reservations
   * there (recorded as issued, so a later release never releases them). Once per shipmentId.
   * A dispatch beyond what the order holds (racing a cancel) still takes on hand down; reserved
   * never goes below 0, and if on hand falls below reserved the newest reservations of other
   * orders give the difference back (StockReleased{shortage}) and are reserved elsewhere or backordered.
   */
  async issue(event: ShipmentDispatched, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    if (await manager.existsBy(StockMovement, { kind: 'issue', reference: event.shipmentId })) return;
    const lines = linesOf(event.lines);
    const skus = [...new Set(lines.map((line) => line.sku))];
    const stock = new LockedStock(manager);
    await stock.lock(skus);
    const held = await manager.find(Reservation, {
      where: { orderId: event.orderId, warehouse: event.warehouse, sku: In(skus) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });

    const movements: Partial<StockMovement>[] = [];
    for (const line of lines) {
      const plan = planIssue(
        held.filter((row) => row.lineNo === line.lineNo && row.sku === line.sku),
        line.quantity,
      );
      for (const { reservationId, quantity } of plan.fromReservations) {
        await manager.increment(Reservation, { id: reservationId }, 'issued', quantity);
      }
      const fromReservations = line.quantity - plan.unreserved;
      const level = stock.find(line.sku, event.warehouse);
      const down = issueFromLevel(level ?? { onHand: 0, reserved: 0 }, line.quantity, fromReservations);
      if (level) stock.adjust(level, 'issue', { onHand: -down.onHand, reserved: -down.reserved });
      if (plan.unreserved > 0 || down.onHand < line.quantity) {
        this.logger.warn(
          `shipment ${event.shipmentId} dispatched ${line.quantity} ${line.sku} from ${event.warehouse} for order ` +
            `${event.orderId}: ${plan.unreserved} not reserved for it, ${line.quantity - down.onHand} not on hand`,
        );
      }
      const { shipmentId: reference, orderId, warehouse } = event;
      movements.push({ kind: 'issue', reference, orderId, ...line, warehouse, unreserved: plan.unreserved });
    }
    await manager.insert(StockMovement, movements);
    await this.coverShortfalls(unit, stock, event.warehouse, skus);
    await stock.flush(unit);
  }

  private async coverShortfalls(unit: UnitOfWork, stock: LockedStock, warehouse: string, skus: string[]): Promise<void> {
    const { manager } = unit;
    for (const sku of skus) {
      const level = stock.find(sku, warehouse);
      if (!level || level.reserved <= level.onHand) continue;
      const open = await manager
        .createQueryBuilder(Reservation, 'reservation')
        .where('reservation.sku = :sku AND reservation.warehouse = :warehouse', { sku, warehouse })
        .andWhere('reservation.quantity > reservation.issued + reservation.released')
        .orderBy('reservation.id', 'DESC')
        .setLock('pessimistic_write')
        .getMany();
      const releases = planTakeBack(open, level.reserved - level.onHand);
      const orderOf = new Map(open.map((row) => [row.id, row.orderId]));
      for (const orderId of new Set(releases.map((release) => orderOf.get(release.reservationId) ?? ''))) {
        const mine = releases.filter((release) => orderOf.get(release.reservationId) === orderId);
        const order = await manager.findOneBy(OrderReservation, { orderId });
        const correlationId = order?.correlationId ?? orderId;
        this.logger.warn(`order ${orderId} loses ${mine.reduce((sum, row) => sum + row.quantity, 0)} ${sku} in ${warehouse} to a shortage`);
        await this.releases.release(unit, stock, orderId, 'shortage', { releases: mine, withdrawals: [] }, correlationId);
        await this.reservations.reserveLines(unit, stock, orderId, linesOf(mine), correlationId);
      }
    }
  }
}
