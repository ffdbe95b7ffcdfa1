import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import {
  CreatedWebhookSubscriptionView,
  CreateWebhookSubscriptionDto,
  DeliveriesQueryDto,
  WebhookDeliveryView,
  WebhookSubscriptionView,
} from './dto/webhook-subscription.dto';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

const subscriptionId = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('webhook subscription id must be a UUID') });

@ApiTags('channel webhooks')
@Controller('v1/webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(private readonly subscriptions: WebhookSubscriptionsService) {}

  @Post()
  @Allow(['ops'], { action: 'create-webhook-subscription' })
  @ApiOperation({
    summary: "Subscribes a channel's endpoint to feeds",
    description:
      'Every later change of a feed key is POSTed to the url as JSON { type, feed, key, data }, signed by the Standard Webhooks scheme ' +
      'with the returned secret, retried with backoff; a burst of changes to one key sends its latest record.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookSubscriptionView, description: 'The subscription and its signing secret, shown only here' })
  @ApiBadRequestResponse({ description: 'A field missing or of the wrong type' })
  @ApiUnprocessableEntityResponse({ description: 'url not an absolute http(s) URL, or feeds empty, unknown or repeated; errors name each field' })
  create(@Body() body: CreateWebhookSubscriptionDto): Promise<CreatedWebhookSubscriptionView> {
    return this.subscriptions.create(body);
  }

  @Get()
  @Allow(['ops', 'auditor'])
  @ApiOkResponse({ type: [WebhookSubscriptionView], description: 'Subscriptions not deleted, oldest first; no secrets' })
  list(): Promise<WebhookSubscriptionView[]> {
    return this.subscriptions.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow(['ops'], { action: 'delete-webhook-subscription' })
  @ApiOperation({ summary: 'Stops the deliveries of a subscription; those not yet sent are CANCELLED' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBadRequestResponse({ description: 'id not a UUID' })
  @ApiNotFoundResponse({ description: 'No such subscription, or already deleted' })
  delete(@Param('id', subscriptionId) id: string): Promise<void> {
    return this.subscriptions.delete(id);
  }

  @Get(':id/deliveries')
  @Allow(['ops', 'auditor'])
  @ApiOkResponse({ type: [WebhookDeliveryView], description: 'What was or will be sent to the subscription, newest first' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBadRequestResponse({ description: 'id not a UUID, or status or limit malformed' })
  @ApiNotFoundResponse({ description: 'No such subscription' })
  deliveries(@Param('id', subscriptionId) id: string, @Query() query: DeliveriesQueryDto): Promise<WebhookDeliveryView[]> {
    return this.subscriptions.deliveries(id, query);
  }
}
