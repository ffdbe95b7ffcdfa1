import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { ACCOUNT_READERS } from '../account-readers';
import { ActivitiesService } from './activities.service';
import { ActivityView, ListActivitiesQuery } from './dto/activity-view.dto';

@ApiTags('crm activity')
@Controller('v1/crm/activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get()
  @Allow(ACCOUNT_READERS)
  @ApiOperation({ summary: 'Order, shipment, invoice and payment activity, newest first, with its delivery state' })
  @ApiOkResponse({ type: [ActivityView] })
  list(@Query() query: ListActivitiesQuery): Promise<ActivityView[]> {
    return this.activities.list(query);
  }

  @Post(':id/retry')
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(200)
  @Allow(['ops'], { action: 'retry-activity' })
  @ApiOperation({ summary: 'Deliver a DEAD activity again, with fresh attempts' })
  @ApiOkResponse({ type: ActivityView })
  @ApiNotFoundResponse({ description: 'No activity with this id' })
  @ApiConflictResponse({ description: 'Not DEAD, or no CRM_ACTIVITY_URL configured' })
  retry(@Param('id', ParseUUIDPipe) activityId: string): Promise<ActivityView> {
    return this.activities.retry(activityId);
  }
}
