import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { currentLogContext } from './log-context';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

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
      // A caller's own request id is kept (audit records and logs then match its logs); else a new one.
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    },
  });
}
