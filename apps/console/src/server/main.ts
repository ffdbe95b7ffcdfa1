import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig } from '@tradeflow/platform';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { ConsoleSettings } from './console-settings';

/** Paths the BFF answers itself; everything else is the single-page UI. */
const SERVER_PATHS = /^\/(api|auth|health)(\/|$)/;

async function main(): Promise<void> {
  const settings = loadConfig(ConsoleSettings);
  const uiDir = settings.CONSOLE_UI_DIR ?? join(__dirname, '../../dist/ui');
  if (!existsSync(join(uiDir, 'index.html'))) throw new ConfigError([`CONSOLE_UI_DIR ${uiDir} has no index.html: build the UI first (npx vite build --config apps/console/vite.config.mjs)`]);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(settings), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // The UI is built files of this origin only; no inline scripts, so the default policy holds.
  app.use(helmet());
  app.useBodyParser('json', { limit: 65_536 });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useStaticAssets(uiDir, { index: false, maxAge: '1h' });
  // Deep links (/orders/…) load the UI, which then asks /api; the UI shows nothing without a session.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || SERVER_PATHS.test(request.path)) return next();
    response.setHeader('cache-control', 'no-store');
    response.sendFile(join(uiDir, 'index.html'));
  });
  app.enableShutdownHooks();
  await app.listen(settings.CONSOLE_PORT, settings.HOST);
  app.get(Logger).log(`console on ${settings.CONSOLE_BASE_URL} (listening on ${await app.getUrl()})`);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
