import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../service-name';
import { Backorder } from './backorder.entity';
import type { ReservationView } from './dto/reservation-view.dto';
import { OrderChangesService } from './order-changes.service';
import { OrderReservation } from './order-reservation.entity';
import { ReservationViewService } from './reservation-view.service';
import { Reservation } from './reservation.entity';

/**
 * POST /v1/reservations/{orderId}/release: an operator gives back the stock an order holds, e.g.
 * one a forged OrderApproved reserved for an order that never existed (reconcile reports those as
 * orphan effects). Same path as a cancellation; the audit trail records who did it and why.
 */
@Injectable()
export class OperatorReleaseService {
  private readonly logger = new Logger(OperatorReleaseService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly changes: OrderChangesService,
    private readonly reservations: ReservationViewService,
  ) {}

  /** `reason` is kept by the audit trail; the log line lets whoever reads the logs see why stock moved. */
  async release(orderId: string, reason: string): Promise<ReservationView> {
    const order = await this.dataSource.manager.findOneBy(OrderReservation, { orderId });
    const missing = () => new NotFoundException(`Inventory holds no reservations for order ${orderId}`);
    if (!order) throw missing();
    // The order's correlation id: StockReleased and the audit record join the order's trace.
    await this.transactions.run({ producer: SERVICE_NAME, correlationId: order.correlationId ?? orderId }, async (unit) => {
      const { manager } = unit;
      if (!(await manager.existsBy(Reservation, { orderId })) && !(await manager.existsBy(Backorder, { orderId }))) throw missing();
      await this.changes.closeOrder(unit, orderId, 'operator');
    });
    this.logger.log(`released everything order ${orderId} held, by hand: ${reason}`);
    return this.reservations.view(orderId);
  }
}
