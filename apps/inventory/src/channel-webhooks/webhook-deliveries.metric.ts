import { metrics } from '@opentelemetry/api';
import { metricsExporter } from '@tradeflow/platform';
import type { AttemptOutcome } from './delivery-rules';

/** Prometheus label of each attempt's outcome: the channel took it, it will be sent again, or it was the last try. */
const OUTCOMES: Record<AttemptOutcome['status'], string> = { DELIVERED: 'delivered', PENDING: 'retrying', FAILED: 'failed' };

// The meter provider behind /metrics exists before the counter is made, also in a service started without telemetry.
metricsExporter();
const deliveries = metrics
  .getMeter('tradeflow.inventory')
  .createCounter('tradeflow.channel_webhook_deliveries', { description: 'Webhook POSTs to sales channels whose result was applied, by outcome' });
// Every outcome from 0, so the first failed delivery is an increase an alert sees.
for (const outcome of Object.values(OUTCOMES)) deliveries.add(0, { outcome });

/** `tradeflow_channel_webhook_deliveries_total{outcome}`. */
export const countDelivery = (outcome: AttemptOutcome): void => deliveries.add(1, { outcome: OUTCOMES[outcome.status] });
