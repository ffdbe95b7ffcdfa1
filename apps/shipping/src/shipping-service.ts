import type { ServiceDefinition } from '@tradeflow/service';
import { AppModule } from './app.module';
import type { ShippingSettings } from './shipping-settings';
import { SERVICE_NAME } from './service-name';

export const shippingService: ServiceDefinition<ShippingSettings> = {
  name: SERVICE_NAME,
  module: (settings) => AppModule.register(settings),
  description: {
    title: 'Tradeflow shipping API',
    description:
      'Shipments planned from reservations (one per warehouse), carrier labels with retries, dispatch, ' +
      'carrier delivery webhook, and returns received back into the warehouses that shipped them.',
  },
};
