import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Address } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { TransactionRunner } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../service-name';
import { LABEL_QUEUE_CHANNEL } from '../shipments/label-queue';
import type { ShipmentLine } from '../shipments/shipment-planning';
import { Shipment } from '../shipments/shipment.entity';
import type { Carrier, Label } from './carrier';
import { CARRIER } from './carrier';
import type { LabelRetryPolicy } from './label-backoff';
import { afterFailedAttempt } from './label-backoff';
import type { LabelAttemptOutcome } from './label-attempts.metric';
import { countLabelAttempt } from './label-attempts.metric';

export interface LabelWorkerOptions extends LabelRetryPolicy {
  pollIntervalMs: number;
  /** A carrier call taking longer is a failed attempt; a claim is leased for twice this. */
  timeoutMs: number;
  batchSize: number;
}

export const LABEL_WORKER_OPTIONS = Symbol('LABEL_WORKER_OPTIONS');

interface ClaimedShipment {
  id: string;
  order_id: string;
  warehouse: string;
  lines: ShipmentLine[];
  correlation_id: string;
  created_event_id: string;
  shipping_address: Address | null;
}

type Attempt = { ok: true; label: Label } | { ok: false; reason: string };
/** What an applied attempt came to, and when to try again if it is to be retried. */
type Applied = { outcome: LabelAttemptOutcome; retryInMs?: number };

/**
 * Gets labels for LABEL_PENDING shipments, outside any consumer transaction. A claim leases due
 * shipments (FOR UPDATE SKIP LOCKED, so replicas never take the same one) by moving their next
 * attempt past the carrier timeout; the carrier is called with no transaction open; the result is
 * applied only if the lease is still ours and the shipment still pending (it may have been
 * cancelled meanwhile). Woken by NOTIFY when a shipment is created or retried, polling as fallback.
 */
@Injectable()
export class LabelWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LabelWorker.name);
  private listener?: QueryRunner;
  private poller?: NodeJS.Timeout;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private draining?: Promise<void>;
  private wakeAgain = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    @Inject(CARRIER) private readonly carrier: Carrier,
    @Inject(LABEL_WORKER_OPTIONS) private readonly options: LabelWorkerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.stopped = false;
    this.listener = this.dataSource.createQueryRunner();
    const client = (await this.listener.connect()) as PoolClient;
    client.on('notification', () => this.wake());
    await client.query(`LISTEN ${LABEL_QUEUE_CHANNEL}`);
    this.poller = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poller);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    await this.draining;
    await this.listener?.release();
    this.listener = undefined;
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: Error) => this.logger.warn({ err: error, msg: 'label worker will retry' }))
      .finally(() => {
        this.draining = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const token = randomUUID();
      const claimed = await this.claim(token);
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((shipment) => this.label(shipment, token)));
    }
  }

  private async claim(token: string): Promise<ClaimedShipment[]> {
    const [rows] = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM shipments
          WHERE status = 'LABEL_PENDING' AND next_label_attempt_at <= now()
          ORDER BY next_label_attempt_at, id
          LIMIT $3
          FOR UPDATE SKIP LOCKED)
       UPDATE shipments s
          SET label_claim = $1, next_label_attempt_at = now() + $2 * interval '1 millisecond'
         FROM due, shipping_orders o
        WHERE s.id = due.id AND o.order_id = s.order_id
       RETURNING s.id, s.order_id, s.warehouse, s.lines, s.correlation_id, s.created_event_id, o.shipping_address`,
      [token, 2 * this.options.timeoutMs, this.options.batchSize],
    );
    return rows;
  }

  private async label(shipment: ClaimedShipment, token: string): Promise<void> {
    const attempt = await this.callCarrier(shipment);
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
    if (applied?.retryInMs !== undefined) this.wakeAfter(applied.retryInMs);
  }

  private async labelled(unit: UnitOfWork, shipment: Shipment, label: Label): Promise<Applied> {
    const { carrier, labelNumber, trackingNumber } = label;
    Object.assign(shipment, {
      carrier,
      labelNumber,
      trackingNumber,
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

  private async callCarrier(shipment: ClaimedShipment): Promise<Attempt> {
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

  private wakeAfter(delayMs: number): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.wake();
    }, delayMs);
    timer.unref();
    this.retryTimers.add(timer);
  }
}
