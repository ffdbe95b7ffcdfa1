import type { ServiceDefinition } from '@tradeflow/messaging';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AppModule } from './app.module';
import type { OrderSettings } from './order-settings';

export const orderService: ServiceDefinition<OrderSettings> = {
  module: (settings) => AppModule.register(settings),
  description: {
    title: 'Tradeflow order API',
    description: 'Sales channels place and follow orders. Every write needs an Idempotency-Key.',
  },
  prepare: async (app, settings) => {
    if (settings.ORDER_BOOTSTRAP_API_KEY) await app.get(ApiKeysService).ensure(settings.ORDER_BOOTSTRAP_API_KEY);
  },
};
