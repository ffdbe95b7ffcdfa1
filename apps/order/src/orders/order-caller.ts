import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from '@tradeflow/platform';
import { OrderNotFoundError } from './order-not-found.error';

/** Who calls an order route, as the use cases need it (from the principal the access guard set). */
export interface OrderCaller {
  /** Set for a sales channel: it sees and changes only its own orders. Staff (no channel) see every order. */
  channel?: string;
  /** Who the timeline names: the channel, or the token's subject. */
  name: string;
}

/** The caller of a route with an `@Allow` policy. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): OrderCaller => {
  const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!principal) throw new Error('Caller used on a route without an @Allow policy');
  return { channel: principal.channel, name: principal.channel ?? principal.subject };
});

/**
 * Idempotency keys are the caller's own. A channel keeps the scope it always had; a person's
 * scope cannot meet a channel's, as channel names have no colon.
 */
export function idempotencyScope(caller: OrderCaller): string {
  return caller.channel ? `orders:${caller.channel}` : `orders:staff:${caller.name}`;
}

/** Another channel's order answers exactly as a missing one (404): a channel cannot even learn that it exists. */
export function assertVisible(caller: OrderCaller, order: { id: string; channel: string }): void {
  if (caller.channel !== undefined && order.channel !== caller.channel) throw new OrderNotFoundError(order.id);
}
