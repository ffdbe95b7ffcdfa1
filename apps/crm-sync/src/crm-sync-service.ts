import type { ServiceDefinition } from '@tradeflow/service';
import { AppModule } from './app.module';
import type { CrmSyncSettings } from './crm-sync-settings';
import { SERVICE_NAME } from './service-name';

export const crmSyncService: ServiceDefinition<CrmSyncSettings> = {
  name: SERVICE_NAME,
  module: (settings) => AppModule.register(settings),
  description: {
    title: 'Tradeflow crm-sync API',
    description:
      'Customer master from signed CRM webhooks (duplicates, merges, account holds), and order, shipment, ' +
      'invoice and payment activity for the CRM with lifetime revenue and open balance per customer.',
  },
};
