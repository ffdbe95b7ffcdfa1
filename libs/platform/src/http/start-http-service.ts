import { ValidationPipe } from '@nestjs/common';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { HttpServiceSettings } from '../config/http-service-settings';
import { startMetricsServer } from '../telemetry/metrics-server';
import { refuseControlCharactersInPath } from './control-characters-in-path';
import { describeValidation } from './validation-in-openapi';

export interface HttpServiceDescription {
  title: string;
  description: string;
}

export interface HttpServiceUrls {
  url: string;
  /** Prometheus text, on METRICS_PORT. */
  metricsUrl: string;
}

/**
 * The HTTP edge every service shares: JSON logs, security headers (helmet), body size limit, DTO
 * validation (unknown fields refused, 400 naming the field), OpenAPI at /docs (JSON at /docs-json),
 * `/metrics` on a port of its own, graceful shutdown. Who may call what: AccessModule.
 */
export async function startHttpService(
  app: NestExpressApplication,
  settings: HttpServiceSettings,
  description: HttpServiceDescription,
): Promise<HttpServiceUrls> {
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.use(refuseControlCharactersInPath);
  // Both parsers Nest installs: left alone, forms would keep body-parser's own 100 KB limit.
  app.useBodyParser('json', { limit: settings.HTTP_BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', { limit: settings.HTTP_BODY_LIMIT_BYTES, extended: true });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();

  const document = new DocumentBuilder()
    .setTitle(description.title)
    .setDescription(description.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
    .build();
  SwaggerModule.setup('docs', app, () => describeValidation(SwaggerModule.createDocument(app, document)));

  // Lifecycle hooks (topics, producer, relay) run in init, before the Kafka transport subscribes.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(settings.PORT, settings.HOST);
  const metrics = await startMetricsServer(settings.METRICS_PORT, settings.HOST);
  app.getHttpServer().once('close', () => void metrics.close());
  return { url: await app.getUrl(), metricsUrl: metrics.url };
}
