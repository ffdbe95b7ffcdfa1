import { ServiceSettings } from '@tradeflow/service';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Every setting of the inventory service, validated at boot (see README "Configuration"). */
export class InventorySettings extends ServiceSettings {
  override PORT: number = 3002;

  /** A product load of 5000 records (PUT /v1/products, its CSV import) takes a few MB. */
  override HTTP_BODY_LIMIT_BYTES: number = 8_388_608;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_INVENTORY!: string;

  /** JSON file of `{ sku, warehouse, onHand, reorderPoint? }` loaded when the stock table is empty. */
  @IsOptional()
  @IsString()
  INVENTORY_SEED_FILE?: string;

  /** POSTs of one channel webhook delivery before it is FAILED. */
  @IsInt()
  @Min(1)
  @Max(100)
  CHANNEL_WEBHOOK_MAX_ATTEMPTS: number = 10;

  /** First retry delay of a channel webhook; each further retry doubles it, with jitter, up to CHANNEL_WEBHOOK_RETRY_MAX_MS. */
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  CHANNEL_WEBHOOK_RETRY_BASE_MS: number = 1000;

  @IsInt()
  @Min(1)
  @Max(86_400_000)
  CHANNEL_WEBHOOK_RETRY_MAX_MS: number = 900_000;

  /** How often the webhook worker looks for due deliveries when no notification woke it. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  CHANNEL_WEBHOOK_POLL_INTERVAL_MS: number = 1000;

  /** A channel answering later counts as a failed attempt; a claimed delivery is leased for twice this. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  CHANNEL_WEBHOOK_TIMEOUT_MS: number = 10_000;
}
