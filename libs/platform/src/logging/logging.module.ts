import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { currentLogContext } from './log-context';

/** Headers that carry credentials: never written to logs. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-tradeflow-signature"]',
  'req.headers.cookie',
];

/**
 * JSON logs (pino) for HTTP requests and application messages. Trace and span ids are added by the
 * OpenTelemetry pino instrumentation; correlation and event ids by withLogContext.
 */
export function loggingModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      mixin: () => ({ ...currentLogContext() }),
      redact: { paths: REDACTED, censor: '[redacted]' },
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    },
  });
}
