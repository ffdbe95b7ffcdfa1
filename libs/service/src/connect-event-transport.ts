import type { INestApplication } from '@nestjs/common';
import { KafkaEventTransport } from '@tradeflow/messaging';
import { ServiceErrorsFilter } from './service-errors.filter';

/** Attaches the Kafka transport so the app's `@EventPattern` handlers start with the app. */
export function connectEventTransport(app: INestApplication): void {
  app.useGlobalFilters(new ServiceErrorsFilter(app.getHttpAdapter()));
  app.connectMicroservice({ strategy: app.get(KafkaEventTransport) }, { inheritAppConfig: true });
}
