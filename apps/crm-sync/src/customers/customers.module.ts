import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { CustomerDirectoryService } from './customer-directory.service';
import { CustomerHoldsService } from './customer-holds.service';
import { CustomerMergeService } from './customer-merge.service';
import { CustomerUpsertService } from './customer-upsert.service';
import { CustomersController } from './customers.controller';

@Module({
  imports: [ActivitiesModule],
  controllers: [CustomersController],
  providers: [CustomerDirectoryService, CustomerHoldsService, CustomerMergeService, CustomerUpsertService],
  exports: [CustomerUpsertService],
})
export class CustomersModule {}
