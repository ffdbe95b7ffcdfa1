import type { DynamicModule, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServiceName } from '@tradeflow/events';
import type { HttpServiceDescription } from '@tradeflow/platform';
import { loadConfig, startHttpService, startupLogger } from '@tradeflow/platform';
import { connectEventTransport } from './connect-event-transport';
import type { ServiceSettings } from './service-settings';

export interface ServiceDefinition<S extends ServiceSettings> {
  /** Each log line's `service`, from the first one on. */
  name: ServiceName;
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
export async function startService<S extends ServiceSettings>(
  definition: ServiceDefinition<S>,
  settings: S,
  logger: LoggerService = startupLogger(definition.name, settings.LOG_LEVEL),
): Promise<RunningService> {
  // rawBody: webhooks verify signatures over the exact bytes sent (request.rawBody).
  // abortOnError false: a failure at start reaches the caller (and its JSON log) instead of aborting the process.
  const app = await NestFactory.create<NestExpressApplication>(definition.module(settings), { logger, abortOnError: false, rawBody: true });
  connectEventTransport(app);
  await definition.prepare?.(app, settings);
  const { url, metricsUrl } = await startHttpService(app, settings, definition.description);
  return { app, url, metricsUrl };
}

/** The body of every main.ts: read settings (a bad one stops the process, naming it) and start; every line JSON. */
export function runService<S extends ServiceSettings>(definition: ServiceDefinition<S>, settingsClass: new () => S): void {
  let settings: S;
  try {
    settings = loadConfig(settingsClass);
  } catch (error) {
    // No level is known without the settings; a bad setting is logged at any.
    startupLogger(definition.name, 'info').error({ msg: (error as Error).message });
    process.exit(1);
  }
  const logger = startupLogger(definition.name, settings.LOG_LEVEL);
  startService(definition, settings, logger).catch((error: Error) => {
    logger.error({ msg: 'service failed to start', err: error });
    process.exit(1);
  });
}
