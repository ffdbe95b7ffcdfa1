import { Module } from '@nestjs/common';
import { ActivityDeliveryWorker } from './activity-delivery.worker';
import { CrmActivityClient } from './crm-activity-client';

@Module({
  providers: [ActivityDeliveryWorker, CrmActivityClient],
})
export class ActivityDeliveryModule {}
