import { startTelemetry } from '@tradeflow/platform/telemetry';

startTelemetry('crm-sync');

// Loaded only now (static imports are hoisted above this line): the instrumentations patch http,
// express, Nest, pg and pino as they are required.
void Promise.all([import('@tradeflow/service'), import('./crm-sync-service'), import('./crm-sync-settings')]).then(
  ([{ runService }, { crmSyncService }, { CrmSyncSettings }]) => runService(crmSyncService, CrmSyncSettings),
);
