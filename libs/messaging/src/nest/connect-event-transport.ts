import type { INestApplication } from '@nestjs/common';
import { KafkaEventTransport } from './kafka-event-transport';
import { PropagateHandlerErrors } from './propagate-handler-errors.filter';

/** Attaches the Kafka transport so the app's `@EventPattern` handlers start with the app. */
export function connectEventTransport(app: INestApplication): void {
  app.useGlobalFilters(new PropagateHandlerErrors(app.getHttpAdapter()));
  app.connectMicroservice({ strategy: app.get(KafkaEventTransport) }, { inheritAppConfig: true });
}
