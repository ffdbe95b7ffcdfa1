import type { ServiceDefinition } from '@tradeflow/service';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AppModule } from './app.module';
import type { OrderSettings } from './order-settings';
import { SERVICE_NAME } from './orders/service-name';

export const orderService: ServiceDefinition<OrderSettings> = {
  name: SERVICE_NAME,
  module: (settings) => AppModule.register(settings),
  description: {
    title: 'Tradeflow order API',
    description:
      'Sales channels place and follow their own orders with their API key (x-api-key); people and systems use OIDC bearer tokens by role. Every write needs an Idempotency-Key.',
  },
  prepare: async (app, settings) => {
    const keys = app.get(ApiKeysService);
    if (settings.ORDER_BOOTSTRAP_API_KEY) await keys.ensure(settings.ORDER_BOOTSTRAP_API_KEY);
    // After the bootstrap, so a key named in both ends up revoked.
    if (settings.ORDER_REVOKED_API_KEYS) await keys.revoke(settings.ORDER_REVOKED_API_KEYS.split(','));
  },
};
