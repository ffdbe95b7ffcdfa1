import type { DynamicModule, LoggerService } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { Logger, LoggerModule, PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { currentLogContext } from './log-context';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Headers that carry credentials: never written to logs. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-tradeflow-signature"]',
  'req.headers.cookie',
];

let destination: DestinationStream | undefined;

/**
 * Sends the logs of every service this process starts from now on to `stream` instead of stdout.
 * Test runs start services in-process and keep their logs in a file per test file (libs/testing's
 * jest setup), so a passing run shows the runner's summary, not thousands of log lines.
 */
export function setLogDestination(stream: DestinationStream): void {
  destination = stream;
}

/**
 * JSON logs (pino) for HTTP requests and application messages. Trace and span ids are added by the
 * OpenTelemetry pino instrumentation; correlation and event ids by withLogContext.
 */
export function loggingModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot(loggingParams(service, level));
}

/**
 * The same logger for the app to use from its first line on, before its modules exist (connecting
 * to the database, a bad setting): JSON, not Nest's coloured text, and nothing held back.
 */
export function startupLogger(service: string, level: string): LoggerService {
  const params = loggingParams(service, level);
  return new Logger(new PinoLogger(params), params);
}

function loggingParams(service: string, level: string): Params {
  const options: Options = {
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
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
