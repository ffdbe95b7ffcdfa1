import type { INestApplication } from '@nestjs/common';
import { KafkaEventTransport } from './kafka-event-transport';
import { PropagateHandlerErrors } from './propagate-handler-errors.filter';

/** Attaches the Kafka transport so the app's `@EventPattern` handlers start with the app. */
export function connectEventTransport(app: INestApplication): void {
  const transport = app.get(KafkaEventTransport);
  const microservice = app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false });
  microservice.useGlobalFilters(new PropagateHandlerErrors());
}
