import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { CrmSyncSettings } from '../crm-sync-settings';
import type { SignedWebhookRequest } from './raw-body';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@tradeflow/platform';
import { verifyWebhook } from './webhook-signature';

/**
 * Refuses (401) a CRM webhook whose signature or timestamp is wrong before its body is even
 * validated. Replays of a good signature are refused later, in the transaction that stores it.
 */
@Injectable()
export class CrmSignatureGuard implements CanActivate {
  constructor(private readonly settings: CrmSyncSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<SignedWebhookRequest>();
    const tolerance = this.settings.CRM_WEBHOOK_TOLERANCE_SECONDS;
    const result = verifyWebhook(
      { timestamp: request.header(TIMESTAMP_HEADER), signature: request.header(SIGNATURE_HEADER), body: request.rawBody },
      { secret: this.settings.CRM_WEBHOOK_SECRET.reveal(), toleranceSeconds: tolerance, nowMs: Date.now() },
    );
    if (!result.valid) throw new UnauthorizedException(`Webhook refused: ${result.reason}`);
    request.verifiedSignature = {
      signature: result.signature,
      // A timestamp is accepted until tolerance after it; after that the signature cannot be replayed anyway.
      expiresAt: new Date((result.timestamp + tolerance) * 1000),
    };
    return true;
  }
}
