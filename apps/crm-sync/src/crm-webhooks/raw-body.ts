import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';

/** A request whose JSON body bytes were kept, and what the signature guard found. */
export interface SignedWebhookRequest extends Request {
  rawBody?: Buffer;
  verifiedSignature?: VerifiedSignature;
}

export interface VerifiedSignature {
  /** Lower-case hex; remembered until `expiresAt` so a replay is refused. */
  signature: string;
  expiresAt: Date;
}

/**
 * The HMAC covers the exact bytes sent, so they must be kept before JSON parsing. Installs the
 * parser Nest uses with `NestFactory.create(..., { rawBody: true })` (it sets `req.rawBody`),
 * ahead of the shared one, which then skips the already-read body. Remove once startService
 * passes `rawBody: true` itself.
 */
export function keepRawJsonBodies(app: NestExpressApplication, limitBytes: number): void {
  (app.getHttpAdapter() as unknown as ExpressAdapter).useBodyParser('json', true, { limit: limitBytes });
}

/** The signature `CrmSignatureGuard` verified for this request. */
export const VerifiedWebhook = createParamDecorator((_data: unknown, context: ExecutionContext): VerifiedSignature => {
  const request = context.switchToHttp().getRequest<SignedWebhookRequest>();
  if (!request.verifiedSignature) throw new Error('VerifiedWebhook used on a route without CrmSignatureGuard');
  return request.verifiedSignature;
});
