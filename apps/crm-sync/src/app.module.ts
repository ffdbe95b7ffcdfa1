import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { serviceRuntimeModules } from '@tradeflow/service';
import { ActivitiesModule } from './activities/activities.module';
import { CrmActivity } from './activities/crm-activity.entity';
import { OrderCustomer } from './activities/order-customer.entity';
import { ActivityDeliveryModule } from './activity-delivery/activity-delivery.module';
import { CrmSyncSettings } from './crm-sync-settings';
import { CrmWebhooksModule } from './crm-webhooks/crm-webhooks.module';
import { CustomerDuplicate } from './customers/customer-duplicate.entity';
import { Customer } from './customers/customer.entity';
import { CustomersModule } from './customers/customers.module';
import { SERVICE_NAME } from './service-name';
import { crmSyncMigrations } from './migrations';

@Module({})
export class AppModule {
  static register(settings: CrmSyncSettings): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ...serviceRuntimeModules({
          serviceName: SERVICE_NAME,
          settings,
          databaseUrl: settings.DATABASE_URL_CRM_SYNC,
          entities: [Customer, CustomerDuplicate, CrmActivity, OrderCustomer],
          migrations: crmSyncMigrations,
        }),
        CrmWebhooksModule,
        CustomersModule,
        ActivitiesModule,
        ActivityDeliveryModule,
      ],
      // Settings are injectable: the webhook secrets, activity recording and delivery read them.
      providers: [{ provide: CrmSyncSettings, useValue: settings }],
      exports: [CrmSyncSettings],
    };
  }
}
