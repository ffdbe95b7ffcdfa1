import type { ServiceDefinition } from '@tradeflow/messaging';
import { AppModule } from './app.module';
import type { InvoicingSettings } from './invoicing-settings';

export const invoicingService: ServiceDefinition<InvoicingSettings> = {
  module: (settings) => AppModule.register(settings),
  description: {
    title: 'Tradeflow invoicing API',
    description: 'Invoices for dispatched shipments, credit notes for returns, and payments against invoices.',
  },
};
