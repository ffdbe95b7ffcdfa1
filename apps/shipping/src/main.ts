import { startTelemetry } from '@tradeflow/platform/telemetry';

startTelemetry('shipping');

// Loaded only now (static imports are hoisted above this line): the instrumentations patch http,
// express, Nest, pg and pino as they are required.
void Promise.all([import('@tradeflow/service'), import('./shipping-service'), import('./shipping-settings')]).then(
  ([{ runService }, { shippingService }, { ShippingSettings }]) => runService(shippingService, ShippingSettings),
);
