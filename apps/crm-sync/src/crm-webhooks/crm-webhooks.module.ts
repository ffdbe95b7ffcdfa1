import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { CrmSignatureGuard } from './crm-signature.guard';
import { CrmWebhooksController } from './crm-webhooks.controller';
import { CrmWebhooksService } from './crm-webhooks.service';

@Module({
  imports: [CustomersModule],
  controllers: [CrmWebhooksController],
  providers: [CrmWebhooksService, CrmSignatureGuard],
})
export class CrmWebhooksModule {}
