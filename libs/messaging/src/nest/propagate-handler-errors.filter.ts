import type { ArgumentsHost } from '@nestjs/common';
import { Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';

/**
 * Nest's default RPC filter turns any event-handler error into `{ status: 'error' }`, losing its
 * class and message. The consumer needs both: the class decides retry or dead letter, and both go
 * into the dead letter's headers. HTTP errors keep Nest's usual handling.
 */
@Catch()
export class PropagateHandlerErrors extends BaseExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => error);
    return super.catch(error, host);
  }
}
