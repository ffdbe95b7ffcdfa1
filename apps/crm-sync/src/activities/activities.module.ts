import { Module } from '@nestjs/common';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityEventsHandler } from './activity-events.handler';

@Module({
  controllers: [ActivitiesController, ActivityEventsHandler],
  providers: [ActivitiesService],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}
