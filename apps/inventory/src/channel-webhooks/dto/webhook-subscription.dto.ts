import { ApiProperty } from '@nestjs/swagger';
import { NoControlCharacters, PRINTABLE } from '@tradeflow/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from '../webhook-delivery.entity';
import { FEEDS, FeedName } from '../webhook-feed';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ example: 'webshop', pattern: CODE.source, description: 'The sales channel the endpoint belongs to' })
  @Matches(CODE, { message: 'channel must be 1-64 letters, digits, ".", "_" or "-"' })
  channel!: string;

  @ApiProperty({
    example: 'https://shop.example/tradeflow/webhooks',
    maxLength: 2048,
    pattern: PRINTABLE.source,
    description: 'Absolute http or https URL the deliveries are POSTed to',
  })
  @IsString()
  @MaxLength(2048)
  @NoControlCharacters()
  url!: string;

  @ApiProperty({ type: [String], enum: FEEDS, example: ['products'], maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  feeds!: string[];
}

export class WebhookSubscriptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String], enum: FEEDS }) feeds!: FeedName[];
  @ApiProperty() createdAt!: Date;
}

export class CreatedWebhookSubscriptionView extends WebhookSubscriptionView {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Standard Webhooks signing secret; shown only in this answer',
  })
  secret!: string;
}

export class DeliveriesQueryDto {
  @ApiProperty({ enum: DELIVERY_STATUSES, required: false })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 500, required: false, description: 'Newest first; default 100' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The webhook-id header: the same for every retry of this record' }) messageId!: string;
  @ApiProperty({ enum: FEEDS }) feed!: string;
  @ApiProperty({ description: 'The sku (the products and availability feeds are keyed by sku)' }) key!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'product.upserted' }) type!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'CANCELLED: the subscription was deleted before it was sent' }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: "The last failed attempt's HTTP status and answer, or why no answer came" })
  lastError!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'While PENDING: when it is sent next' }) nextAttemptAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) deliveredAt!: Date | null;
}
