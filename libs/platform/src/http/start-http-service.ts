import { ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { ServiceSettings } from '../config/service-settings';
import { describeValidation } from './validation-in-openapi';

export interface HttpServiceDescription {
  title: string;
  description: string;
}

/**
 * The HTTP edge every service shares: JSON logs, body size limit, DTO validation (unknown fields
 * refused, 400 naming the field), OpenAPI at /docs (JSON at /docs-json), graceful shutdown.
 */
export async function startHttpService(
  app: NestExpressApplication,
  settings: ServiceSettings,
  description: HttpServiceDescription,
): Promise<string> {
  app.useLogger(app.get(Logger));
  // Both parsers Nest installs: left alone, forms would keep body-parser's own 100 KB limit.
  app.useBodyParser('json', { limit: settings.HTTP_BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', { limit: settings.HTTP_BODY_LIMIT_BYTES, extended: true });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();

  const document = new DocumentBuilder()
    .setTitle(description.title)
    .setDescription(description.description)
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
    .build();
  SwaggerModule.setup('docs', app, () => describeValidation(SwaggerModule.createDocument(app, document)));

  // Lifecycle hooks (topics, producer, relay) run in init, before the Kafka transport subscribes.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(settings.PORT, settings.HOST);
  return app.getUrl();
}
