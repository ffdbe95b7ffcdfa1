import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ObservableResult } from '@opentelemetry/api';
import { metrics } from '@opentelemetry/api';
import { metricsExporter } from '@tradeflow/platform';
import { STUCK_SERIES } from './stuck-order-rule';
import { seriesKey, StuckOrdersService } from './stuck-orders.service';

export const STUCK_COUNT_INTERVAL_MS = Symbol('STUCK_COUNT_INTERVAL_MS');

/**
 * `tradeflow_orders_stuck{status,reason}`: counted by a query every interval rather than at each
 * scrape (a count judges every candidate order), and every known pair reported from the start, 0
 * until one is stuck. A failed count keeps the last figures; the next interval tries again.
 */
@Injectable()
export class StuckOrdersMetric implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StuckOrdersMetric.name);
  private counts = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private counting?: Promise<void>;

  constructor(
    private readonly stuck: StuckOrdersService,
    @Inject(STUCK_COUNT_INTERVAL_MS) private readonly intervalMs: number,
  ) {
    // The meter provider behind /metrics exists before the gauge is made, also in a service started without telemetry.
    metricsExporter();
    metrics
      .getMeter('tradeflow.order')
      .createObservableGauge('tradeflow.orders.stuck', { description: 'Orders past the limit of their status, by status and reason' })
      .addCallback((result: ObservableResult) => {
        for (const { status, reason } of STUCK_SERIES) result.observe(this.counts.get(seriesKey(status, reason)) ?? 0, { status, reason });
      });
  }

  onApplicationBootstrap(): void {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.counting;
  }

  private refresh(): void {
    if (this.counting) return;
    this.counting = this.stuck
      .count()
      .then((counts) => {
        this.counts = counts;
      })
      .catch((error: Error) => this.logger.warn(`counting stuck orders failed: ${error.message}`))
      .finally(() => {
        this.counting = undefined;
      });
  }
}
