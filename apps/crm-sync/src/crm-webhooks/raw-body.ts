import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';

/** A request whose JSON body bytes were kept (startService sets rawBody), and what the signature guard found. */
export interface SignedWebhookRequest extends Request {
  rawBody?: Buffer;
  verifiedSignature?: VerifiedSignature;
}

export interface VerifiedSignature {
  /** Lower-case hex; remembered until `expiresAt` so a replay is refused. */
  signature: string;
  expiresAt: Date;
}

/** The signature `CrmSignatureGuard` verified for this request. */
export const VerifiedWebhook = createParamDecorator((_data: unknown, context: ExecutionContext): VerifiedSignature => {
  const request = context.switchToHttp().getRequest<SignedWebhookRequest>();
  if (!request.verifiedSignature) throw new Error('VerifiedWebhook used on a route without CrmSignatureGuard');
  return request.verifiedSignature;
});
