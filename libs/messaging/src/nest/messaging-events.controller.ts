import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Allow, STAFF } from '@tradeflow/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import type { CorrelatedEvent } from './correlated-events.queries';
import { eventsOfCorrelation } from './correlated-events.queries';

export class CorrelatedEventsQuery {
  @ApiProperty({ pattern: '^[A-Za-z0-9._:-]{1,128}$', description: 'The correlation, e.g. an order id: every event of that order this service published' })
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'correlationId must be 1-128 letters, digits, ".", "_", ":" or "-"' })
  correlationId!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

class CorrelatedEventView implements CorrelatedEvent {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'OrderApproved' }) eventType!: string;
  @ApiProperty({ example: 'tradeflow.orders.v1', description: 'The catalogue topic (without a deployment prefix)' }) topic!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ example: 'order' }) producer!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The event that caused this one; null for a request' }) causationId!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the relay put it on Kafka; null while it waits in the outbox' })
  publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'W3C trace context it was published in' }) traceparent!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's own fields, without the envelope" })
  payload!: Record<string, unknown>;
}

class CorrelatedEventsView {
  @ApiProperty({ type: [CorrelatedEventView], description: 'Oldest first' }) items!: CorrelatedEventView[];
}

/** One correlation's events as this service published them; the console merges every service's into one timeline. */
@ApiTags('operations')
@Controller('v1/messaging')
export class MessagingEventsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('events')
  @Allow(STAFF)
  @ApiOperation({ summary: "The events this service published for one correlation (an order), from its outbox, oldest first" })
  @ApiOkResponse({ type: CorrelatedEventsView })
  async events(@Query() { correlationId, limit = 200 }: CorrelatedEventsQuery): Promise<CorrelatedEventsView> {
    return { items: await eventsOfCorrelation(this.dataSource, correlationId, limit) };
  }
}
