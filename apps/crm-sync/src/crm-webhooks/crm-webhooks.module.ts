import { Module } from '@nestjs/common';
import type { WebhookPartners } from '@tradeflow/platform';
import { WEBHOOK_PARTNERS } from '@tradeflow/platform';
import { CrmSyncSettings } from '../crm-sync-settings';
import { CustomersModule } from '../customers/customers.module';
import { CrmWebhooksController } from './crm-webhooks.controller';
import { CrmWebhooksService } from './crm-webhooks.service';

/** The CRM's secrets for `@SignedBy('crm')`: the current one and, during a rotation, the previous one. */
function crmPartner(settings: CrmSyncSettings): WebhookPartners {
  const secrets = [settings.CRM_WEBHOOK_SECRET, settings.CRM_WEBHOOK_PREVIOUS_SECRET].flatMap((secret) => (secret ? [secret.reveal()] : []));
  return { crm: { secrets, toleranceSeconds: settings.CRM_WEBHOOK_TOLERANCE_SECONDS } };
}

@Module({
  imports: [CustomersModule],
  controllers: [CrmWebhooksController],
  providers: [CrmWebhooksService, { provide: WEBHOOK_PARTNERS, useFactory: crmPartner, inject: [CrmSyncSettings] }],
})
export class CrmWebhooksModule {}
