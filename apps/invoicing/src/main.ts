import { startTelemetry } from '@tradeflow/platform/telemetry';

startTelemetry('invoicing');

// Loaded only now (static imports are hoisted above this line): the instrumentations patch http,
// express, Nest, pg and pino as they are required.
void Promise.all([import('@tradeflow/service'), import('./invoicing-service'), import('./invoicing-settings')]).then(
  ([{ runService }, { invoicingService }, { InvoicingSettings }]) => runService(invoicingService, InvoicingSettings),
);
