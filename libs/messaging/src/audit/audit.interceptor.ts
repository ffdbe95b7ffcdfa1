import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServiceName } from '@tradeflow/events';
import type { AccessPolicy, AuthenticatedRequest } from '@tradeflow/platform';
import { ACCESS_POLICY } from '@tradeflow/platform';
import { Observable, concatMap, from, map } from 'rxjs';
import { TransactionRunner } from '../outbox/transaction-runner';
import type { AuditedAction } from './audited-action';
import { runAudited, targetsOf } from './audited-action';

export const AUDITING_SERVICE = Symbol('AUDITING_SERVICE');

type RoutedRequest = AuthenticatedRequest & { id?: unknown; route?: { path?: string } };

/**
 * Records every successful call of a route whose policy names an `action`. The handler runs with
 * the action in scope: the first transaction it commits through TransactionRunner carries the record
 * (same transaction as the action). An action that writes nothing of its own (a replay, which only
 * produces to Kafka) gets a transaction holding just its record, after it succeeded.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly transactions: TransactionRunner,
    @Inject(AUDITING_SERVICE) private readonly serviceName: ServiceName,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    if (policy?.kind !== 'principal' || !policy.action || !request.principal) return next.handle();
    const audited = describeAction(policy.action, policy.reasonField ?? 'reason', request);
    const handled = new Observable<unknown>((subscriber) => runAudited(audited, () => next.handle().subscribe(subscriber)));
    return handled.pipe(
      concatMap((result) => (audited.recorded ? [result] : from(this.recordAlone(audited)).pipe(map(() => result)))),
    );
  }

  private recordAlone(audited: AuditedAction): Promise<void> {
    const origin = { producer: this.serviceName, correlationId: audited.requestId };
    return runAudited(audited, () => this.transactions.run(origin, () => Promise.resolve()));
  }
}

function describeAction(action: string, reasonField: string, request: RoutedRequest): AuditedAction {
  const reason = (request.body as Record<string, unknown> | undefined)?.[reasonField];
  return {
    action,
    route: `${request.method} ${request.route?.path ?? request.path}`,
    targets: targetsOf(request.params as Record<string, string>, request.body),
    principal: request.principal as NonNullable<AuthenticatedRequest['principal']>,
    reason: typeof reason === 'string' && reason.trim() !== '' ? reason : null,
    requestId: String(request.id ?? ''),
    recorded: false,
  };
}
