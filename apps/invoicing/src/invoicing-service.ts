import type { ServiceDefinition } from '@tradeflow/service';
import { AppModule } from './app.module';
import type { InvoicingSettings } from './invoicing-settings';
import { SERVICE_NAME } from './service-name';

export const invoicingService: ServiceDefinition<InvoicingSettings> = {
  name: SERVICE_NAME,
  module: (settings) => AppModule.register(settings),
  description: {
    title: 'Tradeflow invoicing API',
    description: 'Invoices for dispatched shipments, credit notes for returns, and payments against invoices.',
  },
};
