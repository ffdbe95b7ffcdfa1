import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { VerifiedSignature } from '@tradeflow/platform';
import { SIGNATURE_HEADER, SignedBy, TIMESTAMP_HEADER, VerifiedWebhook } from '@tradeflow/platform';
import { CrmWebhooksService } from './crm-webhooks.service';
import { CustomerWebhookDto, WebhookReceiptView } from './dto/customer-webhook.dto';

@ApiTags('crm webhooks')
@Controller('v1/crm/webhooks')
export class CrmWebhooksController {
  constructor(private readonly webhooks: CrmWebhooksService) {}

  @Post('customers')
  @HttpCode(200)
  @SignedBy('crm')
  @ApiOperation({ summary: 'The CRM pushes a customer (signed) → CustomerUpserted, holds, duplicates' })
  @ApiHeader({ name: TIMESTAMP_HEADER, required: true, description: 'Unix seconds when signed; within the tolerance (300 s)' })
  @ApiHeader({ name: SIGNATURE_HEADER, required: true, description: 'sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">' })
  @ApiOkResponse({ type: WebhookReceiptView, description: 'Applied, or ignored as stale/repeat (nothing changed)' })
  @ApiBadRequestResponse({ description: 'Invalid body; the message names the field; nothing stored' })
  receiveCustomer(@Body() customer: CustomerWebhookDto, @VerifiedWebhook() proof: VerifiedSignature): Promise<WebhookReceiptView> {
    return this.webhooks.receiveCustomer(customer, proof);
  }
}
