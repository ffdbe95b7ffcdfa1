import type { ArgumentsHost } from '@nestjs/common';
import { Catch, Logger, ServiceUnavailableException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { isTransient } from '@tradeflow/messaging';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';

/** Seconds a client is asked to wait after a 503: about as long as a database or broker restart. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Errors on their way out of a service, for both of its doors.
 * - Events: Nest's default RPC filter turns any handler error into `{ status: 'error' }`, losing its
 *   class and message. The consumer needs both: the class decides retry or dead letter, and both go
 *   into the dead letter's headers.
 * - HTTP: a request that failed because the database or broker is unreachable (or lost a deadlock)
 *   gets 503 with Retry-After, so the client sends it again (with its Idempotency-Key) instead of
 *   reading a 500 as a server bug. Everything else keeps Nest's usual handling.
 */
@Catch()
export class ServiceErrorsFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  override catch(error: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => error);
    if (!isTransient(error)) return super.catch(error, host);
    const http = host.switchToHttp();
    const request = http.getRequest<{ method: string; url: string }>();
    this.logger.warn({ err: error, msg: `${request.method} ${request.url}: a dependency is unavailable; answered 503` });
    http.getResponse<Response>().setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    return super.catch(new ServiceUnavailableException('a dependency (database or broker) is unavailable; retry later'), host);
  }
}
