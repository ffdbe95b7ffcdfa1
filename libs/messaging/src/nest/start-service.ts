import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HttpServiceDescription } from '@tradeflow/platform';
import { loadConfig, startHttpService } from '@tradeflow/platform';
import type { MessagingSettings } from '../config/messaging-settings';
import { connectEventTransport } from './connect-event-transport';

export interface ServiceDefinition<S extends MessagingSettings> {
  module: (settings: S) => DynamicModule;
  description: HttpServiceDescription;
  /** Start-up work after the container is built and before traffic (seed data, bootstrap keys). */
  prepare?: (app: NestExpressApplication, settings: S) => Promise<void>;
}

export interface RunningService {
  app: NestExpressApplication;
  url: string;
  /** Prometheus text of the service (METRICS_PORT). */
  metricsUrl: string;
}

/** Builds a service: HTTP API and Kafka handlers in one Nest app. main.ts and tests both use it. */
export async function startService<S extends MessagingSettings>(
  definition: ServiceDefinition<S>,
  settings: S,
): Promise<RunningService> {
  // rawBody: webhooks verify signatures over the exact bytes sent (request.rawBody).
  const app = await NestFactory.create<NestExpressApplication>(definition.module(settings), { bufferLogs: true, rawBody: true });
  connectEventTransport(app);
  await definition.prepare?.(app, settings);
  const { url, metricsUrl } = await startHttpService(app, settings, definition.description);
  return { app, url, metricsUrl };
}

/** The body of every main.ts: read settings (a bad one stops the process, naming it) and start. */
export function runService<S extends MessagingSettings>(definition: ServiceDefinition<S>, settings: new () => S): void {
  Promise.resolve()
    .then(() => startService(definition, loadConfig(settings)))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
