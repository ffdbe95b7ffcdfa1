import type { ServiceDefinition } from '@tradeflow/messaging';
import { AppModule } from './app.module';
import type { ShippingSettings } from './shipping-settings';

export const shippingService: ServiceDefinition<ShippingSettings> = {
  module: (settings) => AppModule.register(settings),
  description: {
    title: 'Tradeflow shipping API',
    description:
      'Shipments planned from reservations (one per warehouse), carrier labels with retries, dispatch, ' +
      'carrier delivery webhook, and returns received back into the warehouses that shipped them.',
  },
};
