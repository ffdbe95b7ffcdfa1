import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from './principal';

/** What the access guard verified of a signed webhook; the receiving transaction uses it up (webhook-replays.queries.ts). */
export interface VerifiedSignature {
  /** Lower-case hex; remembered until `expiresAt` so a replay is refused. */
  signature: string;
  expiresAt: Date;
}

/** A request whose JSON body bytes were kept (startService sets rawBody), and what the guard verified. */
export interface SignedWebhookRequest extends AuthenticatedRequest {
  rawBody?: Buffer;
  verifiedSignature?: VerifiedSignature;
}

/** The signature the access guard verified for this `@SignedBy` route. */
export const VerifiedWebhook = createParamDecorator((_data: unknown, context: ExecutionContext): VerifiedSignature => {
  const request = context.switchToHttp().getRequest<SignedWebhookRequest>();
  if (!request.verifiedSignature) throw new Error('VerifiedWebhook used on a route that is not @SignedBy a partner');
  return request.verifiedSignature;
});
