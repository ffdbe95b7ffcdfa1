import { startTelemetry } from '@tradeflow/platform/telemetry';

startTelemetry('order');

// Loaded only now (static imports are hoisted above this line): the instrumentations patch http,
// express, Nest, pg and pino as they are required.
void Promise.all([import('@tradeflow/service'), import('./order-service'), import('./order-settings')]).then(
  ([{ runService }, { orderService }, { OrderSettings }]) => runService(orderService, OrderSettings),
);
