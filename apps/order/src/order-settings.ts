import { ServiceSettings } from '@tradeflow/service';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { API_SCOPES, KEY_HASHES, KEY_SPECS } from './api-keys/api-scopes';

/** Every setting of the order service, validated at boot (see README "Configuration"). */
export class OrderSettings extends ServiceSettings {
  override PORT: number = 3001;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_ORDER!: string;

  /**
   * API keys created at start if missing, as `channel:key:scope,scope`, several separated by `;`
   * — how the local stack and tests get keys. Only their hashes are stored.
   */
  @IsOptional()
  @Matches(KEY_SPECS, {
    message: `must look like channel:key(16+ chars):scope,scope (scopes: ${API_SCOPES.join(', ')}), several separated by ";"`,
  })
  ORDER_BOOTSTRAP_API_KEY?: string;

  /**
   * Keys revoked at start, as the SHA-256 hex digests of the keys, comma-separated: a revoked key
   * gets 401 from then on, even if the bootstrap setting still names it.
   */
  @IsOptional()
  @Matches(KEY_HASHES, { message: 'must be SHA-256 hex digests of API keys (printf %s "$KEY" | sha256sum), comma-separated' })
  ORDER_REVOKED_API_KEYS?: string;

  /** Stuck orders (GET /v1/orders/stuck): how long an order may wait in a status, in seconds. */
  @IsInt()
  @Min(0)
  ORDER_STUCK_LIMIT_HELD_SECONDS: number = 3600;

  /** Also the limit of a partial reservation that waits for no backorder. */
  @IsInt()
  @Min(0)
  ORDER_STUCK_LIMIT_APPROVED_SECONDS: number = 120;

  /** Backordered lines wait for a stock receipt (the order service knows no expected receipt dates). */
  @IsInt()
  @Min(0)
  ORDER_STUCK_LIMIT_BACKORDERED_SECONDS: number = 604800;

  @IsInt()
  @Min(0)
  ORDER_STUCK_LIMIT_RESERVED_SECONDS: number = 172800;

  @IsInt()
  @Min(0)
  ORDER_STUCK_LIMIT_PARTIALLY_SHIPPED_SECONDS: number = 172800;

  /** Dispatched, waiting for the carrier's delivery. */
  @IsInt()
  @Min(0)
  ORDER_STUCK_LIMIT_SHIPPED_SECONDS: number = 604800;

  /** How often tradeflow_orders_stuck is counted. */
  @IsInt()
  @Min(1)
  ORDER_STUCK_COUNT_INTERVAL_SECONDS: number = 60;
}
