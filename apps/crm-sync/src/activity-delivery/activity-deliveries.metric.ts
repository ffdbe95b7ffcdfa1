import { metrics } from '@opentelemetry/api';
import { metricsExporter } from '@tradeflow/platform';
import type { DeliveryOutcome } from './delivery-outcome';

/** Prometheus label of each delivery outcome: the CRM took it, it will be tried again, or it was the last try. */
const OUTCOMES: Record<DeliveryOutcome['status'], string> = { DELIVERED: 'delivered', PENDING: 'retrying', DEAD: 'dead' };

// The meter provider behind /metrics exists before the counter is made, also in a service started without telemetry.
metricsExporter();
const deliveries = metrics
  .getMeter('tradeflow.crm-sync')
  .createCounter('tradeflow.crm_activity_deliveries', { description: 'Activity webhook attempts to the CRM, by outcome' });
// Every outcome from 0, so the first dead delivery is an increase an alert sees (CrmDeliveriesFailing).
for (const outcome of Object.values(OUTCOMES)) deliveries.add(0, { outcome });

/** `tradeflow_crm_activity_deliveries_total{outcome}`. */
export const countDelivery = (outcome: DeliveryOutcome): void => deliveries.add(1, { outcome: OUTCOMES[outcome.status] });
