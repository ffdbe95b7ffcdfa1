import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import { TransactionRunner } from '@tradeflow/messaging';
import type { RetryPolicy } from '@tradeflow/platform';
import { afterFailedAttempt, DueWorkPoller } from '@tradeflow/platform';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { ProductsService } from '../products/products.service';
import { SERVICE_NAME } from '../service-name';
import { LABEL_QUEUE_CHANNEL } from '../shipments/label-queue.queries';
import { Shipment } from '../shipments/shipment.entity';
import type { Carrier, Label } from './carrier';
import { CARRIER } from './carrier';
import type { LabelAttemptOutcome } from './label-attempts.metric';
import { countLabelAttempt } from './label-attempts.metric';
import type { ClaimedShipment } from './label-claims.queries';
import { claimDueShipments } from './label-claims.queries';
import type { Parcel } from './parcel';
import { parcelOf } from './parcel';

export interface LabelWorkerOptions extends RetryPolicy {
  pollIntervalMs: number;
  /** A carrier call taking longer is a failed attempt; a claim is leased for twice this. */
  timeoutMs: number;
  batchSize: number;
}

export const LABEL_WORKER_OPTIONS = Symbol('LABEL_WORKER_OPTIONS');

/** A claimed shipment and the lease token its result is applied under. */
interface LeasedShipment {
  shipment: ClaimedShipment;
  token: string;
}

type Attempt = { ok: true; label: Label } | { ok: false; reason: string };
/** What an applied attempt came to, and when to try again if it is to be retried. */
type Applied = { outcome: LabelAttemptOutcome; retryInMs?: number };

/**
 * Gets labels for LABEL_PENDING shipments, outside any consumer transaction, as a DueWorkPoller: a
 * claim leases due shipments by moving their next attempt past the carrier timeout; the carrier is
 * called with no transaction open; the result is applied only if the lease is still ours and the
 * shipment still pending (it may have been cancelled meanwhile). Woken by NOTIFY when a shipment
 * is created or retried, and when a retry falls due; polling as fallback.
 */
@Injectable()
export class LabelWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LabelWorker.name);
  private listener?: QueryRunner;
  private readonly poller: DueWorkPoller<LeasedShipment>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    @Inject(CARRIER) private readonly carrier: Carrier,
    @Inject(LABEL_WORKER_OPTIONS) private readonly options: LabelWorkerOptions,
    private readonly products: ProductsService,
  ) {
    this.poller = new DueWorkPoller<LeasedShipment>(
      {
        claim: () => this.claim(),
        run: ({ shipment, token }) => this.label(shipment, token),
        roundFailed: (error) => this.logger.warn({ err: error, msg: 'label worker will retry' }),
      },
      { pollIntervalMs: options.pollIntervalMs },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.listener = this.dataSource.createQueryRunner();
    const client = (await this.listener.connect()) as PoolClient;
    client.on('notification', () => this.poller.wake());
    await client.query(`LISTEN ${LABEL_QUEUE_CHANNEL}`);
    this.poller.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
    await this.listener?.release();
    this.listener = undefined;
  }

  private async claim(): Promise<LeasedShipment[]> {
    const token = randomUUID();
    const claimed = await claimDueShipments(this.dataSource, token, 2 * this.options.timeoutMs, this.options.batchSize);
    return claimed.map((shipment) => ({ shipment, token }));
  }

  private async label(shipment: ClaimedShipment, token: string): Promise<void> {
    // Measured at every attempt, so a retry after the product master filled in a weight sends it.
    const products = await this.products.measuresOf(this.dataSource.manager, shipment.lines.map((line) => line.sku));
    const attempt = await this.callCarrier(shipment, parcelOf(shipment.lines, products));
    const origin = { producer: SERVICE_NAME, correlationId: shipment.correlation_id, causationId: shipment.created_event_id };
    const applied = await this.transactions.run(origin, async (unit): Promise<Applied | undefined> => {
      const current = await unit.manager.findOne(Shipment, {
        where: { id: shipment.id, labelClaim: token },
        lock: { mode: 'pessimistic_write' },
      });
      // Cancelled meanwhile, or our lease ran out and another worker took it over.
      if (!current || current.status !== 'LABEL_PENDING') return undefined;
      return attempt.ok ? this.labelled(unit, current, attempt.label) : this.failed(unit, current, attempt.reason);
    });
    // Counted once committed: a rolled-back or superseded attempt changed nothing.
    if (applied) countLabelAttempt(applied.outcome);
    if (applied?.retryInMs !== undefined) this.poller.wakeAfter(applied.retryInMs);
  }

  private async labelled(unit: UnitOfWork, shipment: Shipment, label: Label): Promise<Applied> {
    const { carrier, labelNumber, trackingNumber, parcel } = label;
    Object.assign(shipment, {
      carrier,
      labelNumber,
      trackingNumber,
      parcel,
      status: 'LABELLED',
      labelAttempts: shipment.labelAttempts + 1,
      labelledAt: new Date(),
      labelClaim: null,
      nextLabelAttemptAt: null,
      version: shipment.version + 1,
    });
    await unit.manager.save(shipment);
    unit.publish(
      'ShipmentLabelled',
      { orderId: shipment.orderId, shipmentId: shipment.id, carrier, labelNumber, trackingNumber },
      { id: shipment.id, version: shipment.version },
    );
    return { outcome: 'labelled' };
  }

  /** Schedules the next attempt (returning its delay) or, after the last one, gives up: LABEL_FAILED. */
  private async failed(unit: UnitOfWork, shipment: Shipment, reason: string): Promise<Applied> {
    const attempts = shipment.labelAttempts + 1;
    this.logger.warn({ msg: 'label attempt failed', shipmentId: shipment.id, attempt: attempts, reason });
    const next = afterFailedAttempt(attempts, this.options);
    if (next.kind === 'retry') {
      const delayMs = Math.round(next.delayMs);
      await unit.manager.update(
        Shipment,
        { id: shipment.id },
        {
          labelAttempts: attempts,
          lastLabelError: reason,
          labelClaim: null,
          nextLabelAttemptAt: () => `now() + ${delayMs} * interval '1 millisecond'`,
        },
      );
      return { outcome: 'retrying', retryInMs: delayMs };
    }
    Object.assign(shipment, {
      status: 'LABEL_FAILED',
      labelAttempts: attempts,
      lastLabelError: reason,
      labelClaim: null,
      nextLabelAttemptAt: null,
      version: shipment.version + 1,
    });
    await unit.manager.save(shipment);
    unit.publish(
      'ShipmentLabelFailed',
      { orderId: shipment.orderId, shipmentId: shipment.id, reason, attempts },
      { id: shipment.id, version: shipment.version },
    );
    return { outcome: 'failed' };
  }

  private async callCarrier(shipment: ClaimedShipment, parcel: Parcel): Promise<Attempt> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`carrier did not answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
    });
    try {
      const label = await Promise.race([
        this.carrier.createLabel({
          shipmentId: shipment.id,
          orderId: shipment.order_id,
          warehouse: shipment.warehouse,
          lines: shipment.lines,
          shippingAddress: shipment.shipping_address,
          parcel,
        }),
        timeout,
      ]);
      return { ok: true, label };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
