import type { RpcExceptionFilter } from '@nestjs/common';
import { Catch } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';

/**
 * Nest's default RPC filter turns any handler error into `{ status: 'error' }`, losing its class
 * and message. The consumer needs both: the class decides retry or dead letter, and both go into
 * the dead letter's headers.
 */
@Catch()
export class PropagateHandlerErrors implements RpcExceptionFilter<unknown> {
  catch(error: unknown): Observable<never> {
    return throwError(() => error);
  }
}
