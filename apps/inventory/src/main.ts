import { startTelemetry } from '@tradeflow/platform/telemetry';

startTelemetry('inventory');

// Loaded only now (static imports are hoisted above this line): the instrumentations patch http,
// express, Nest, pg and pino as they are required.
void Promise.all([import('@tradeflow/service'), import('./inventory-service'), import('./inventory-settings')]).then(
  ([{ runService }, { inventoryService }, { InventorySettings }]) => runService(inventoryService, InventorySettings),
);
